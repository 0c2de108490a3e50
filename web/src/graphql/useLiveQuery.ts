import { useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs } from 'urql';
import { ConnectionContext } from './ConnectionContext';

export function useConnection() {
  const status = useContext(ConnectionContext);
  return useSyncExternalStore(status.subscribe, status.get);
}

/**
 * useQuery that re-fetches (from the network) after a socket reconnect and on every retry tick
 * while the service is unavailable, so a screen recovers by itself; meanwhile it keeps showing
 * the last data it had.
 */
export function useLiveQuery<Data, Variables extends AnyVariables>(args: UseQueryArgs<Variables, Data>) {
  const [result, reexecute] = useQuery<Data, Variables>(args);
  // While the service is unavailable a re-fetch fails: keep showing what was last known.
  const lastData = useRef<Data | undefined>(undefined);
  if (result.data) lastData.current = result.data;
  const { epoch } = useConnection();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reexecute({ requestPolicy: 'network-only' });
  }, [epoch, reexecute]);
  return [{ ...result, data: result.data ?? lastData.current }, reexecute] as const;
}
