// The developer explorer, bundled from npm (no CDN) and served outside production only.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './page.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({
  url: `${location.origin}/graphql`,
  subscriptionUrl: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
});

const defaultHeaders = JSON.stringify({ Authorization: 'Bearer <token from `npm run token` or the console sign-in>' }, null, 2);

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultHeaders={defaultHeaders} />);
