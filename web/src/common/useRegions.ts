import { useQuery } from 'urql';
import { graphql } from '../gql';
import { listOf } from '../graphql/lists';

const RegionsQuery = graphql(`
  query Regions {
    regions {
      id
      name
    }
  }
`);

/** The 35 centre-municipality regions, by name. */
export function useRegions() {
  const [{ data }] = useQuery({ query: RegionsQuery });
  return listOf(data?.regions).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
