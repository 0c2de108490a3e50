import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, getNullableType, GraphQLError, GraphQLSchema, isListType, isObjectType } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { PlaceCategory, Sex } from './enums.js';
import { ErrorCode } from './errors.js';

/**
 * How long any list of the schema can be. The cost of a query is the number of field values its
 * response can hold at most: every field counts 1, and a list multiplies what is below it by its
 * bound. A test walks the schema and fails when a list field has no entry here, so no list can be
 * added without a bound. Each bound is enforced where the list is read (LIMIT, input validation, a
 * write-time cap or reference data), not just assumed.
 */
export const MAX_PAGE_SIZE = 100;
/** A shelter never has more places than this (createPlaces refuses beyond it). */
export const MAX_PLACES_PER_SHELTER = 200;
/** The region reference list is refused beyond this (there are 35 centre-municipality regions). */
export const MAX_REGIONS = 100;
/** Region.shelters and Query.organisations return at most this many (more: page with shelters(...)). */
export const MAX_NESTED_SHELTERS = 100;
export const MAX_ORGANISATIONS = 1000;
/** A request's timeline shows its first events up to this many. */
export const MAX_TIMELINE_EVENTS = 200;
/** A flow report is priced as a whole: its shape is fixed and bounded by MAX_BUCKETS; its cost is SQL. */
export const FLOW_REPORT_COST = 5000;

const CATEGORIES = Object.keys(PlaceCategory).length;
const SEXES = Object.keys(Sex).length;

export type ListBound =
  /** At most this many items, whatever the arguments. */
  | { max: number; why: string }
  /** As many as the argument says (default applied), never more than max. */
  | { arg: string; max: number; why: string }
  /** A connection's `nodes`: counted by the `first` of the field that returned the connection. */
  | { perPage: true; why: string };

const page = (why: string): ListBound => ({ arg: 'first', max: MAX_PAGE_SIZE, why });
const nodes: ListBound = { perPage: true, why: 'items of one page' };

/** Every list field, and every field returning a connection (those are priced by `first`). */
export const LIST_BOUNDS: Record<string, ListBound> = {
  // connections: `first` items a page, `after` an opaque keyset cursor
  'Query.shelters': page('a page of shelters'),
  'Query.places': page('a page of places'),
  'Query.claims': page('a page of claims'),
  'Query.placementRequests': page('a page of requests'),
  'Query.auditEvents': page('a page of audit events'),
  'ShelterConnection.nodes': nodes,
  'PlaceConnection.nodes': nodes,
  'ClaimConnection.nodes': nodes,
  'PlacementRequestConnection.nodes': nodes,
  'AuditEventConnection.nodes': nodes,
  // entity lists
  'Query.regions': { max: MAX_REGIONS, why: 'reference data, refused beyond MAX_REGIONS' },
  'Query.organisations': { arg: 'first', max: MAX_ORGANISATIONS, why: 'first N by name' },
  'Query.availability': { max: MAX_REGIONS * CATEGORIES, why: 'one row per region and category' },
  'Query.activeStays': { max: MAX_PLACES_PER_SHELTER, why: 'a stay occupies at least one place of the shelter' },
  'Region.shelters': { arg: 'first', max: MAX_NESTED_SHELTERS, why: 'first N by name; page with Query.shelters(regionId)' },
  'Shelter.places': { arg: 'first', max: MAX_PLACES_PER_SHELTER, why: 'first N by label; page with Query.places(shelterId)' },
  'ShelterPlacesChanged.places': { max: MAX_PLACES_PER_SHELTER, why: 'the changed places of one shelter' },
  'Mutation.createPlaces': { max: 500, why: 'input has at most 500 places' },
  'Claim.places': { max: 10, why: 'a claim holds at most 10 places (input bound)' },
  'Stay.household': { max: 20, why: 'a household has at most 20 members (input bound)' },
  'PlacementRequest.household': { max: 20, why: 'input bound' },
  'PlacementRequest.timeline': { max: MAX_TIMELINE_EVENTS, why: 'first N events (LIMIT)' },
  'PlacementOptions.options': { max: 50, why: 'placementOptions(limit) is at most 50' },
  'PlacementOption.places': { max: 20, why: 'at most one place per household member' },
  'PlacementOptions.excluded': { max: 20, why: 'one row per hard rule' },
  // lists of scalars and enums
  'Shelter.categories': { max: CATEGORIES, why: 'enum' },
  'Shelter.admittedSexes': { max: SEXES, why: 'enum' },
  'Shelter.languages': { max: 30, why: 'input bound' },
  'Needs.languages': { max: 10, why: 'input bound' },
  'Stay.outflowBlockers': { max: 5, why: 'enum' },
  'PlacementOptions.categories': { max: CATEGORIES, why: 'enum' },
  'PlacementOption.reasons': { max: 20, why: 'one per ranking term' },
  'PlacementRequest.avoidRegionIds': { max: 35, why: 'input bound' },
  'PlacementRequest.preferredRegionIds': { max: 35, why: 'input bound' },
  'PlacementRequest.categories': { max: 7, why: 'the place categories' },
  'PlacementRequest.offers': { max: 50, why: 'newest 50 (LIMIT)' },
  'Query.placementOffers': { max: 100, why: 'newest 100 (LIMIT)' },
  // flow reports: priced as a whole (FLOW_REPORT_COST); these bound the response size
  'FlowReport.buckets': { max: 400, why: 'MAX_BUCKETS' },
  'FlowPeriod.occupancy': { max: CATEGORIES, why: 'per category' },
  'FlowPeriod.placementMatrix': { max: MAX_REGIONS * MAX_REGIONS, why: 'origin x placement region' },
  'Inflow.byCategory': { max: CATEGORIES, why: 'enum' },
  'Inflow.byOrigin': { max: MAX_REGIONS + 1, why: 'regions and OWN_REGION' },
  'Inflow.byReferrerType': { max: 10, why: 'enum' },
  'Inflow.bySexAndAgeBand': { max: SEXES * 10, why: 'sex x age band' },
  'Throughflow.byMove': { max: CATEGORIES * CATEGORIES, why: 'from x to category' },
  'Outflow.byDestination': { max: 20, why: 'enum' },
  'Outflow.lengthOfStay': { max: CATEGORIES + 1, why: 'per category and overall' },
  'BlockedOutflow.byBlocker': { max: 5, why: 'enum' },
  'UnmetDemand.byReason': { max: 20, why: 'enum' },
  'UnmetDemand.daysWithoutFreePlace': { max: CATEGORIES, why: 'per category' },
  'WaitingListFlow.waitingAtEndByCategory': { max: CATEGORIES, why: 'per category' },
  'WaitingListFlow.leftListBy': { max: 4, why: 'the ways off the list' },
  'WaitingListFlow.offersDeclinedByReason': { max: 20, why: 'enum' },
};

/** Fields whose price is fixed, whatever is selected below them. */
const FIXED_COSTS: Record<string, number> = { 'Query.flowReport': FLOW_REPORT_COST };

/** The list-size-aware estimator: 1 per field, lists multiply their children by their bound. */
export const listBoundEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  if (FIXED_COSTS[key] !== undefined) return FIXED_COSTS[key];
  const bound = LIST_BOUNDS[key];
  const below = Math.max(1, childComplexity);
  if (!bound) {
    if (isListType(getNullableType(field.type))) throw new Error(`list field ${key} has no bound in LIST_BOUNDS`);
    return 1 + childComplexity;
  }
  if ('perPage' in bound) return 1 + childComplexity;
  if ('arg' in bound) {
    // A connection's page: `first` items, each costing what `nodes` selects (plus the page info).
    const given = Number(args[bound.arg]);
    const n = Number.isFinite(given) ? Math.min(Math.max(given, 0), bound.max) : bound.max;
    return 1 + n * below;
  }
  return 1 + bound.max * below;
};

export class QueryTooComplexError extends GraphQLError {
  constructor(cost: number, limit: number) {
    super(
      `This query could return up to ${cost} values; the limit is ${limit}. Ask for fewer fields or smaller pages (first), or nest fewer lists.`,
      { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, limit, http: { status: 400 } } },
    );
  }
}

/** The worst-case cost of the operation that will run. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [listBoundEstimator],
  });
}

/** Refuses, before execution, any operation whose response could exceed `maxCost` values. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          let cost: number;
          try {
            cost = operationCost(schema, document, operationName ?? undefined, request.variables ?? {});
          } catch (err) {
            // Bad variables: execution reports them properly as BAD_USER_INPUT.
            if (err instanceof GraphQLError) return;
            throw err;
          }
          if (cost > maxCost) throw new QueryTooComplexError(cost, maxCost);
        },
      };
    },
  };
}

export class ExecutionTimeoutError extends GraphQLError {
  constructor(ms: number) {
    super(`The query ran longer than ${ms} ms and was stopped; ask for less (smaller pages, fewer fields)`, {
      extensions: { code: ErrorCode.TIMEOUT, timeoutMs: ms },
    });
  }
}

/**
 * A deadline for queries: once it has passed, every field still to resolve fails at once with
 * TIMEOUT, so the rest of the response is not computed. graphql-js cannot interrupt a resolver
 * that is already waiting; the database statement timeout bounds those. Mutations are not cut
 * off halfway (their transaction either commits or not).
 */
export function executionDeadlinePlugin(timeoutMs: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let deadline = Number.POSITIVE_INFINITY;
      let error: ExecutionTimeoutError | undefined;
      return {
        async executionDidStart({ operation }) {
          if (operation.operation !== 'query') return;
          deadline = Date.now() + timeoutMs;
          return {
            willResolveField() {
              if (Date.now() > deadline) throw (error ??= new ExecutionTimeoutError(timeoutMs));
            },
          };
        },
      };
    },
  };
}

/** The list fields of a schema and their bound, for the schema-walk test and the README. */
export function listFieldsOf(schema: GraphQLSchema): string[] {
  const fields: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isListType(getNullableType(field.type))) fields.push(`${type.name}.${field.name}`);
    }
  }
  return fields.sort();
}
