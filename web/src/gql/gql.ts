/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment OptionsList_options on PlacementOptions {\n    categories\n    regionsSearched\n    regionsInNetwork\n    excluded {\n      rule\n      places\n    }\n    options {\n      shelterId\n      shelterName\n      regionId\n      category\n      locality\n      distanceBand\n      score\n      reasons\n      places {\n        id\n        label\n        beds\n      }\n    }\n  }\n": typeof types.OptionsList_OptionsFragmentDoc,
    "\n  fragment RequestFacts_request on PlacementRequest {\n    id\n    status\n    urgency\n    createdAt\n    householdSize\n    adults\n    children\n    household {\n      sex\n      age\n      ageBand\n      isChild\n    }\n    risk {\n      level\n      honourRelated\n      trafficking\n      perpetratorNetwork\n      policeCoDecision\n      firearmAccess\n    }\n    needs {\n      wheelchair\n      pets\n      languages\n    }\n    escalatedAt\n    escalationReason\n    timeline {\n      kind\n      at\n      actor\n    }\n  }\n": typeof types.RequestFacts_RequestFragmentDoc,
    "\n  query Regions {\n    regions {\n      id\n      name\n    }\n  }\n": typeof types.RegionsDocument,
    "\n  query CoordinatorAuditEvents($actor: String, $action: String, $entityType: String, $entityId: String, $from: DateTime, $to: DateTime, $after: String) {\n    auditEvents(actor: $actor, action: $action, entityType: $entityType, entityId: $entityId, from: $from, to: $to, first: 50, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRole\n        action\n        entityType\n        entityId\n        statusBefore\n        statusAfter\n        detail\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CoordinatorAuditEventsDocument,
    "\n  query CoordinatorShelters {\n    shelters(first: 100) { nodes {\n      id\n      name\n      region {\n        id\n        name\n      }\n    } }\n  }\n": typeof types.CoordinatorSheltersDocument,
    "\n  query CoordinatorEscalated {\n    placementRequests(status: ESCALATED, first: 50) { nodes {\n      id\n      status\n      urgency\n      homeRegionId\n      householdSize\n      createdAt\n      escalatedAt\n      escalationReason\n    } }\n  }\n": typeof types.CoordinatorEscalatedDocument,
    "\n  subscription CoordinatorEscalations {\n    escalations {\n      id\n      status\n      urgency\n      homeRegionId\n      householdSize\n      createdAt\n      escalatedAt\n      escalationReason\n    }\n  }\n": typeof types.CoordinatorEscalationsDocument,
    "\n  subscription CoordinatorEscalationsAvailability {\n    availabilityChanged {\n      regionId\n      category\n    }\n  }\n": typeof types.CoordinatorEscalationsAvailabilityDocument,
    "\n  query NationalAvailability {\n    availability {\n      regionId\n      category\n      placesTotal\n      available\n      freeBeds\n      largestHouseholdAdmissible\n      held\n      occupied\n      outOfService\n      stale\n    }\n  }\n": typeof types.NationalAvailabilityDocument,
    "\n  subscription NationalAvailabilityChanged {\n    availabilityChanged {\n      regionId\n      category\n      placesTotal\n      available\n      freeBeds\n      largestHouseholdAdmissible\n      held\n      occupied\n      outOfService\n      stale\n    }\n  }\n": typeof types.NationalAvailabilityChangedDocument,
    "\n  query CoordinatorRegionShelters($regionId: ID!) {\n    regions {\n      id\n      name\n    }\n    shelters(regionId: $regionId, first: 100) { nodes {\n      id\n      name\n      categories\n      statusConfirmedAt\n    } }\n  }\n": typeof types.CoordinatorRegionSheltersDocument,
    "\n  query FlowDashboard($regionId: ID, $from: String!, $to: String!, $granularity: FlowGranularity!) {\n    flowReport(regionId: $regionId, from: $from, to: $to, granularity: $granularity) {\n      regionId\n      from\n      to\n      granularity\n      buckets {\n        start\n        end\n        inflow { admissions { value suppressed } }\n        blockedOutflow { atPeriodEnd { value suppressed } byBlocker { key value suppressed } }\n        waitingList { waitingAtEnd { value suppressed } }\n        occupancy { category rate }\n      }\n      total {\n        start\n        end\n        inflow {\n          admissions { value suppressed }\n          persons { value suppressed }\n          byCategory { key value suppressed }\n          byOrigin { key value suppressed }\n          byReferrerType { key value suppressed }\n          bySexAndAgeBand { key value suppressed }\n        }\n        throughflow {\n          transfers { value suppressed }\n          byMove { key value suppressed }\n          toOtherRegions { value suppressed }\n          fromOtherRegions { value suppressed }\n          daysBeforeMove { observations { value suppressed } p50 p90 }\n        }\n        outflow {\n          discharges { value suppressed }\n          byDestination { key value suppressed }\n          lengthOfStay { category discharges { value suppressed } p50Days p90Days normDays overNormShare overMaxShare }\n        }\n        blockedOutflow { atPeriodEnd { value suppressed } byBlocker { key value suppressed } daysWaitingP50 markedInPeriod { value suppressed } }\n        unmetDemand {\n          notAdmitted { value suppressed }\n          byReason { key value suppressed }\n          escalations { value suppressed }\n          hoursToClaim { observations { value suppressed } p50 p90 }\n          hoursToAdmission { observations { value suppressed } p50 p90 }\n          daysWithoutFreePlace { key value suppressed }\n        }\n        waitingList {\n          waitingAtEnd { value suppressed }\n          leftList { value suppressed }\n          leftListBy { key value suppressed }\n          daysWaited { observations { value suppressed } p50 p90 }\n          offersMade { value suppressed }\n          offersAccepted { value suppressed }\n          offersDeclined { value suppressed }\n        }\n        occupancy { category rate occupiedPlaceSamples inServicePlaceSamples }\n        placementMatrix { originRegion placementRegion value suppressed }\n      }\n    }\n  }\n": typeof types.FlowDashboardDocument,
    "\n  query FlowRegions {\n    regions {\n      id\n      name\n      code\n    }\n  }\n": typeof types.FlowRegionsDocument,
    "\n  query IntakeRequests {\n    placementRequests(first: 100) { nodes {\n      id\n      status\n      urgency\n      householdSize\n      adults\n      children\n      homeRegionId\n      createdAt\n      escalatedAt\n      risk {\n        level\n      }\n    } }\n  }\n": typeof types.IntakeRequestsDocument,
    "\n  subscription IntakeIncoming($regionId: ID!) {\n    incomingPlacementRequests(regionId: $regionId) {\n      id\n      status\n      escalatedAt\n    }\n  }\n": typeof types.IntakeIncomingDocument,
    "\n  query IntakeShelters {\n    shelters(first: 100) { nodes {\n      id\n      name\n      region {\n        id\n        name\n      }\n    } }\n  }\n": typeof types.IntakeSheltersDocument,
    "\n  query IntakeRequest($id: ID!) {\n    placementRequest(id: $id) {\n      id\n      status\n      receivingShelter {\n        shelterId\n        name\n      }\n      ...RequestFacts_request\n    }\n    placementOptions(requestId: $id, limit: 10) {\n      ...OptionsList_options\n    }\n  }\n": typeof types.IntakeRequestDocument,
    "\n  subscription IntakeRequestChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.IntakeRequestChangedDocument,
    "\n  mutation IntakeClaimForRequest($input: ClaimForRequestInput!) {\n    claimForRequest(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.IntakeClaimForRequestDocument,
    "\n  mutation IntakeDecline($input: CloseRequestInput!) {\n    declinePlacementRequest(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.IntakeDeclineDocument,
    "\n  mutation BoardClaimPlace($input: ClaimPlaceInput!) {\n    claimPlace(input: $input) {\n      id\n      status\n      expiresAt\n    }\n  }\n": typeof types.BoardClaimPlaceDocument,
    "\n  mutation BoardReleaseClaim($input: ReleaseClaimInput!) {\n    releaseClaim(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.BoardReleaseClaimDocument,
    "\n  mutation BoardAdmit($input: AdmitInput!) {\n    admit(input: $input) {\n      id\n      householdSize\n    }\n  }\n": typeof types.BoardAdmitDocument,
    "\n  mutation BoardSetPlaceStatus($input: SetPlaceStatusInput!) {\n    setPlaceStatus(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.BoardSetPlaceStatusDocument,
    "\n  mutation BoardMarkReady($input: MarkReadyForOutflowInput!) {\n    markReadyForOutflow(input: $input) {\n      id\n      readyForOutflowAt\n      outflowBlockers\n    }\n  }\n": typeof types.BoardMarkReadyDocument,
    "\n  mutation BoardTransfer($input: TransferStayInput!) {\n    transferStay(input: $input) {\n      id\n    }\n  }\n": typeof types.BoardTransferDocument,
    "\n  mutation BoardDischarge($input: DischargeInput!) {\n    discharge(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.BoardDischargeDocument,
    "\n  query IntakeBoard($shelterId: ID!) {\n    shelter(id: $shelterId) {\n      id\n      name\n      regionId\n      statusConfirmedAt\n      places {\n        id\n        label\n        beds\n        status\n        version\n        ...PlaceRow_place\n      }\n    }\n    activeStays(shelterId: $shelterId) {\n      id\n      claimId\n      householdSize\n      ...PlaceRow_stay\n    }\n    claims(shelterId: $shelterId, first: 100) { nodes {\n      id\n      status\n      expiresAt\n      householdSize\n      places {\n        id\n      }\n    } }\n  }\n": typeof types.IntakeBoardDocument,
    "\n  subscription IntakePlacesChanged($shelterId: ID!) {\n    shelterPlacesChanged(shelterId: $shelterId) {\n      shelterId\n      places {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.IntakePlacesChangedDocument,
    "\n  fragment PlaceRow_place on Place {\n    id\n    label\n    category\n    beds\n    status\n    statusChangedAt\n    outOfServiceReason\n    nationalReserve\n  }\n": typeof types.PlaceRow_PlaceFragmentDoc,
    "\n  fragment PlaceRow_stay on Stay {\n    id\n    householdSize\n    adults\n    children\n    admittedAt\n    readyForOutflowAt\n    outflowBlockers\n  }\n": typeof types.PlaceRow_StayFragmentDoc,
    "\n  mutation BoardConfirmStatus($shelterId: ID!) {\n    confirmShelterStatus(shelterId: $shelterId) {\n      id\n      statusConfirmedAt\n    }\n  }\n": typeof types.BoardConfirmStatusDocument,
    "\n  mutation ReferrerEmergency($input: EmergencyPlacementInput!) {\n    requestEmergencyPlacement(input: $input) {\n      claim {\n        id\n        expiresAt\n      }\n      receivingShelter {\n        ...ReceivingShelterCard_shelter\n      }\n      request {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ReferrerEmergencyDocument,
    "\n  query ReferrerMyRequests {\n    placementRequests(first: 100) { nodes {\n      id\n      status\n      urgency\n      householdSize\n      createdAt\n      clientReference\n    } }\n  }\n": typeof types.ReferrerMyRequestsDocument,
    "\n  subscription ReferrerRowChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ReferrerRowChangedDocument,
    "\n  mutation ReferrerCreateRequest($input: CreatePlacementRequestInput!) {\n    createPlacementRequest(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ReferrerCreateRequestDocument,
    "\n  fragment ReceivingShelterCard_shelter on ReceivingShelter {\n    name\n    intakePhone\n    meetingInstructions\n    holdExpiresAt\n  }\n": typeof types.ReceivingShelterCard_ShelterFragmentDoc,
    "\n  query ReferrerRequest($id: ID!) {\n    placementRequest(id: $id) {\n      id\n      status\n      receivingShelter {\n        ...ReceivingShelterCard_shelter\n      }\n      ...RequestFacts_request\n    }\n  }\n": typeof types.ReferrerRequestDocument,
    "\n  query ReferrerOptions($id: ID!) {\n    placementOptions(requestId: $id, limit: 10) {\n      ...OptionsList_options\n    }\n  }\n": typeof types.ReferrerOptionsDocument,
    "\n  subscription ReferrerRequestChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ReferrerRequestChangedDocument,
    "\n  subscription ReferrerAvailabilityChanged {\n    availabilityChanged {\n      regionId\n      category\n      available\n    }\n  }\n": typeof types.ReferrerAvailabilityChangedDocument,
};
const documents: Documents = {
    "\n  fragment OptionsList_options on PlacementOptions {\n    categories\n    regionsSearched\n    regionsInNetwork\n    excluded {\n      rule\n      places\n    }\n    options {\n      shelterId\n      shelterName\n      regionId\n      category\n      locality\n      distanceBand\n      score\n      reasons\n      places {\n        id\n        label\n        beds\n      }\n    }\n  }\n": types.OptionsList_OptionsFragmentDoc,
    "\n  fragment RequestFacts_request on PlacementRequest {\n    id\n    status\n    urgency\n    createdAt\n    householdSize\n    adults\n    children\n    household {\n      sex\n      age\n      ageBand\n      isChild\n    }\n    risk {\n      level\n      honourRelated\n      trafficking\n      perpetratorNetwork\n      policeCoDecision\n      firearmAccess\n    }\n    needs {\n      wheelchair\n      pets\n      languages\n    }\n    escalatedAt\n    escalationReason\n    timeline {\n      kind\n      at\n      actor\n    }\n  }\n": types.RequestFacts_RequestFragmentDoc,
    "\n  query Regions {\n    regions {\n      id\n      name\n    }\n  }\n": types.RegionsDocument,
    "\n  query CoordinatorAuditEvents($actor: String, $action: String, $entityType: String, $entityId: String, $from: DateTime, $to: DateTime, $after: String) {\n    auditEvents(actor: $actor, action: $action, entityType: $entityType, entityId: $entityId, from: $from, to: $to, first: 50, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRole\n        action\n        entityType\n        entityId\n        statusBefore\n        statusAfter\n        detail\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CoordinatorAuditEventsDocument,
    "\n  query CoordinatorShelters {\n    shelters(first: 100) { nodes {\n      id\n      name\n      region {\n        id\n        name\n      }\n    } }\n  }\n": types.CoordinatorSheltersDocument,
    "\n  query CoordinatorEscalated {\n    placementRequests(status: ESCALATED, first: 50) { nodes {\n      id\n      status\n      urgency\n      homeRegionId\n      householdSize\n      createdAt\n      escalatedAt\n      escalationReason\n    } }\n  }\n": types.CoordinatorEscalatedDocument,
    "\n  subscription CoordinatorEscalations {\n    escalations {\n      id\n      status\n      urgency\n      homeRegionId\n      householdSize\n      createdAt\n      escalatedAt\n      escalationReason\n    }\n  }\n": types.CoordinatorEscalationsDocument,
    "\n  subscription CoordinatorEscalationsAvailability {\n    availabilityChanged {\n      regionId\n      category\n    }\n  }\n": types.CoordinatorEscalationsAvailabilityDocument,
    "\n  query NationalAvailability {\n    availability {\n      regionId\n      category\n      placesTotal\n      available\n      freeBeds\n      largestHouseholdAdmissible\n      held\n      occupied\n      outOfService\n      stale\n    }\n  }\n": types.NationalAvailabilityDocument,
    "\n  subscription NationalAvailabilityChanged {\n    availabilityChanged {\n      regionId\n      category\n      placesTotal\n      available\n      freeBeds\n      largestHouseholdAdmissible\n      held\n      occupied\n      outOfService\n      stale\n    }\n  }\n": types.NationalAvailabilityChangedDocument,
    "\n  query CoordinatorRegionShelters($regionId: ID!) {\n    regions {\n      id\n      name\n    }\n    shelters(regionId: $regionId, first: 100) { nodes {\n      id\n      name\n      categories\n      statusConfirmedAt\n    } }\n  }\n": types.CoordinatorRegionSheltersDocument,
    "\n  query FlowDashboard($regionId: ID, $from: String!, $to: String!, $granularity: FlowGranularity!) {\n    flowReport(regionId: $regionId, from: $from, to: $to, granularity: $granularity) {\n      regionId\n      from\n      to\n      granularity\n      buckets {\n        start\n        end\n        inflow { admissions { value suppressed } }\n        blockedOutflow { atPeriodEnd { value suppressed } byBlocker { key value suppressed } }\n        waitingList { waitingAtEnd { value suppressed } }\n        occupancy { category rate }\n      }\n      total {\n        start\n        end\n        inflow {\n          admissions { value suppressed }\n          persons { value suppressed }\n          byCategory { key value suppressed }\n          byOrigin { key value suppressed }\n          byReferrerType { key value suppressed }\n          bySexAndAgeBand { key value suppressed }\n        }\n        throughflow {\n          transfers { value suppressed }\n          byMove { key value suppressed }\n          toOtherRegions { value suppressed }\n          fromOtherRegions { value suppressed }\n          daysBeforeMove { observations { value suppressed } p50 p90 }\n        }\n        outflow {\n          discharges { value suppressed }\n          byDestination { key value suppressed }\n          lengthOfStay { category discharges { value suppressed } p50Days p90Days normDays overNormShare overMaxShare }\n        }\n        blockedOutflow { atPeriodEnd { value suppressed } byBlocker { key value suppressed } daysWaitingP50 markedInPeriod { value suppressed } }\n        unmetDemand {\n          notAdmitted { value suppressed }\n          byReason { key value suppressed }\n          escalations { value suppressed }\n          hoursToClaim { observations { value suppressed } p50 p90 }\n          hoursToAdmission { observations { value suppressed } p50 p90 }\n          daysWithoutFreePlace { key value suppressed }\n        }\n        waitingList {\n          waitingAtEnd { value suppressed }\n          leftList { value suppressed }\n          leftListBy { key value suppressed }\n          daysWaited { observations { value suppressed } p50 p90 }\n          offersMade { value suppressed }\n          offersAccepted { value suppressed }\n          offersDeclined { value suppressed }\n        }\n        occupancy { category rate occupiedPlaceSamples inServicePlaceSamples }\n        placementMatrix { originRegion placementRegion value suppressed }\n      }\n    }\n  }\n": types.FlowDashboardDocument,
    "\n  query FlowRegions {\n    regions {\n      id\n      name\n      code\n    }\n  }\n": types.FlowRegionsDocument,
    "\n  query IntakeRequests {\n    placementRequests(first: 100) { nodes {\n      id\n      status\n      urgency\n      householdSize\n      adults\n      children\n      homeRegionId\n      createdAt\n      escalatedAt\n      risk {\n        level\n      }\n    } }\n  }\n": types.IntakeRequestsDocument,
    "\n  subscription IntakeIncoming($regionId: ID!) {\n    incomingPlacementRequests(regionId: $regionId) {\n      id\n      status\n      escalatedAt\n    }\n  }\n": types.IntakeIncomingDocument,
    "\n  query IntakeShelters {\n    shelters(first: 100) { nodes {\n      id\n      name\n      region {\n        id\n        name\n      }\n    } }\n  }\n": types.IntakeSheltersDocument,
    "\n  query IntakeRequest($id: ID!) {\n    placementRequest(id: $id) {\n      id\n      status\n      receivingShelter {\n        shelterId\n        name\n      }\n      ...RequestFacts_request\n    }\n    placementOptions(requestId: $id, limit: 10) {\n      ...OptionsList_options\n    }\n  }\n": types.IntakeRequestDocument,
    "\n  subscription IntakeRequestChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n": types.IntakeRequestChangedDocument,
    "\n  mutation IntakeClaimForRequest($input: ClaimForRequestInput!) {\n    claimForRequest(input: $input) {\n      id\n      status\n    }\n  }\n": types.IntakeClaimForRequestDocument,
    "\n  mutation IntakeDecline($input: CloseRequestInput!) {\n    declinePlacementRequest(input: $input) {\n      id\n      status\n    }\n  }\n": types.IntakeDeclineDocument,
    "\n  mutation BoardClaimPlace($input: ClaimPlaceInput!) {\n    claimPlace(input: $input) {\n      id\n      status\n      expiresAt\n    }\n  }\n": types.BoardClaimPlaceDocument,
    "\n  mutation BoardReleaseClaim($input: ReleaseClaimInput!) {\n    releaseClaim(input: $input) {\n      id\n      status\n    }\n  }\n": types.BoardReleaseClaimDocument,
    "\n  mutation BoardAdmit($input: AdmitInput!) {\n    admit(input: $input) {\n      id\n      householdSize\n    }\n  }\n": types.BoardAdmitDocument,
    "\n  mutation BoardSetPlaceStatus($input: SetPlaceStatusInput!) {\n    setPlaceStatus(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": types.BoardSetPlaceStatusDocument,
    "\n  mutation BoardMarkReady($input: MarkReadyForOutflowInput!) {\n    markReadyForOutflow(input: $input) {\n      id\n      readyForOutflowAt\n      outflowBlockers\n    }\n  }\n": types.BoardMarkReadyDocument,
    "\n  mutation BoardTransfer($input: TransferStayInput!) {\n    transferStay(input: $input) {\n      id\n    }\n  }\n": types.BoardTransferDocument,
    "\n  mutation BoardDischarge($input: DischargeInput!) {\n    discharge(input: $input) {\n      id\n      status\n    }\n  }\n": types.BoardDischargeDocument,
    "\n  query IntakeBoard($shelterId: ID!) {\n    shelter(id: $shelterId) {\n      id\n      name\n      regionId\n      statusConfirmedAt\n      places {\n        id\n        label\n        beds\n        status\n        version\n        ...PlaceRow_place\n      }\n    }\n    activeStays(shelterId: $shelterId) {\n      id\n      claimId\n      householdSize\n      ...PlaceRow_stay\n    }\n    claims(shelterId: $shelterId, first: 100) { nodes {\n      id\n      status\n      expiresAt\n      householdSize\n      places {\n        id\n      }\n    } }\n  }\n": types.IntakeBoardDocument,
    "\n  subscription IntakePlacesChanged($shelterId: ID!) {\n    shelterPlacesChanged(shelterId: $shelterId) {\n      shelterId\n      places {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.IntakePlacesChangedDocument,
    "\n  fragment PlaceRow_place on Place {\n    id\n    label\n    category\n    beds\n    status\n    statusChangedAt\n    outOfServiceReason\n    nationalReserve\n  }\n": types.PlaceRow_PlaceFragmentDoc,
    "\n  fragment PlaceRow_stay on Stay {\n    id\n    householdSize\n    adults\n    children\n    admittedAt\n    readyForOutflowAt\n    outflowBlockers\n  }\n": types.PlaceRow_StayFragmentDoc,
    "\n  mutation BoardConfirmStatus($shelterId: ID!) {\n    confirmShelterStatus(shelterId: $shelterId) {\n      id\n      statusConfirmedAt\n    }\n  }\n": types.BoardConfirmStatusDocument,
    "\n  mutation ReferrerEmergency($input: EmergencyPlacementInput!) {\n    requestEmergencyPlacement(input: $input) {\n      claim {\n        id\n        expiresAt\n      }\n      receivingShelter {\n        ...ReceivingShelterCard_shelter\n      }\n      request {\n        id\n        status\n      }\n    }\n  }\n": types.ReferrerEmergencyDocument,
    "\n  query ReferrerMyRequests {\n    placementRequests(first: 100) { nodes {\n      id\n      status\n      urgency\n      householdSize\n      createdAt\n      clientReference\n    } }\n  }\n": types.ReferrerMyRequestsDocument,
    "\n  subscription ReferrerRowChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n": types.ReferrerRowChangedDocument,
    "\n  mutation ReferrerCreateRequest($input: CreatePlacementRequestInput!) {\n    createPlacementRequest(input: $input) {\n      id\n      status\n    }\n  }\n": types.ReferrerCreateRequestDocument,
    "\n  fragment ReceivingShelterCard_shelter on ReceivingShelter {\n    name\n    intakePhone\n    meetingInstructions\n    holdExpiresAt\n  }\n": types.ReceivingShelterCard_ShelterFragmentDoc,
    "\n  query ReferrerRequest($id: ID!) {\n    placementRequest(id: $id) {\n      id\n      status\n      receivingShelter {\n        ...ReceivingShelterCard_shelter\n      }\n      ...RequestFacts_request\n    }\n  }\n": types.ReferrerRequestDocument,
    "\n  query ReferrerOptions($id: ID!) {\n    placementOptions(requestId: $id, limit: 10) {\n      ...OptionsList_options\n    }\n  }\n": types.ReferrerOptionsDocument,
    "\n  subscription ReferrerRequestChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n": types.ReferrerRequestChangedDocument,
    "\n  subscription ReferrerAvailabilityChanged {\n    availabilityChanged {\n      regionId\n      category\n      available\n    }\n  }\n": types.ReferrerAvailabilityChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OptionsList_options on PlacementOptions {\n    categories\n    regionsSearched\n    regionsInNetwork\n    excluded {\n      rule\n      places\n    }\n    options {\n      shelterId\n      shelterName\n      regionId\n      category\n      locality\n      distanceBand\n      score\n      reasons\n      places {\n        id\n        label\n        beds\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment OptionsList_options on PlacementOptions {\n    categories\n    regionsSearched\n    regionsInNetwork\n    excluded {\n      rule\n      places\n    }\n    options {\n      shelterId\n      shelterName\n      regionId\n      category\n      locality\n      distanceBand\n      score\n      reasons\n      places {\n        id\n        label\n        beds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestFacts_request on PlacementRequest {\n    id\n    status\n    urgency\n    createdAt\n    householdSize\n    adults\n    children\n    household {\n      sex\n      age\n      ageBand\n      isChild\n    }\n    risk {\n      level\n      honourRelated\n      trafficking\n      perpetratorNetwork\n      policeCoDecision\n      firearmAccess\n    }\n    needs {\n      wheelchair\n      pets\n      languages\n    }\n    escalatedAt\n    escalationReason\n    timeline {\n      kind\n      at\n      actor\n    }\n  }\n"): (typeof documents)["\n  fragment RequestFacts_request on PlacementRequest {\n    id\n    status\n    urgency\n    createdAt\n    householdSize\n    adults\n    children\n    household {\n      sex\n      age\n      ageBand\n      isChild\n    }\n    risk {\n      level\n      honourRelated\n      trafficking\n      perpetratorNetwork\n      policeCoDecision\n      firearmAccess\n    }\n    needs {\n      wheelchair\n      pets\n      languages\n    }\n    escalatedAt\n    escalationReason\n    timeline {\n      kind\n      at\n      actor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regions {\n    regions {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Regions {\n    regions {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoordinatorAuditEvents($actor: String, $action: String, $entityType: String, $entityId: String, $from: DateTime, $to: DateTime, $after: String) {\n    auditEvents(actor: $actor, action: $action, entityType: $entityType, entityId: $entityId, from: $from, to: $to, first: 50, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRole\n        action\n        entityType\n        entityId\n        statusBefore\n        statusAfter\n        detail\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CoordinatorAuditEvents($actor: String, $action: String, $entityType: String, $entityId: String, $from: DateTime, $to: DateTime, $after: String) {\n    auditEvents(actor: $actor, action: $action, entityType: $entityType, entityId: $entityId, from: $from, to: $to, first: 50, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRole\n        action\n        entityType\n        entityId\n        statusBefore\n        statusAfter\n        detail\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoordinatorShelters {\n    shelters(first: 100) { nodes {\n      id\n      name\n      region {\n        id\n        name\n      }\n    } }\n  }\n"): (typeof documents)["\n  query CoordinatorShelters {\n    shelters(first: 100) { nodes {\n      id\n      name\n      region {\n        id\n        name\n      }\n    } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoordinatorEscalated {\n    placementRequests(status: ESCALATED, first: 50) { nodes {\n      id\n      status\n      urgency\n      homeRegionId\n      householdSize\n      createdAt\n      escalatedAt\n      escalationReason\n    } }\n  }\n"): (typeof documents)["\n  query CoordinatorEscalated {\n    placementRequests(status: ESCALATED, first: 50) { nodes {\n      id\n      status\n      urgency\n      homeRegionId\n      householdSize\n      createdAt\n      escalatedAt\n      escalationReason\n    } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CoordinatorEscalations {\n    escalations {\n      id\n      status\n      urgency\n      homeRegionId\n      householdSize\n      createdAt\n      escalatedAt\n      escalationReason\n    }\n  }\n"): (typeof documents)["\n  subscription CoordinatorEscalations {\n    escalations {\n      id\n      status\n      urgency\n      homeRegionId\n      householdSize\n      createdAt\n      escalatedAt\n      escalationReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CoordinatorEscalationsAvailability {\n    availabilityChanged {\n      regionId\n      category\n    }\n  }\n"): (typeof documents)["\n  subscription CoordinatorEscalationsAvailability {\n    availabilityChanged {\n      regionId\n      category\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NationalAvailability {\n    availability {\n      regionId\n      category\n      placesTotal\n      available\n      freeBeds\n      largestHouseholdAdmissible\n      held\n      occupied\n      outOfService\n      stale\n    }\n  }\n"): (typeof documents)["\n  query NationalAvailability {\n    availability {\n      regionId\n      category\n      placesTotal\n      available\n      freeBeds\n      largestHouseholdAdmissible\n      held\n      occupied\n      outOfService\n      stale\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NationalAvailabilityChanged {\n    availabilityChanged {\n      regionId\n      category\n      placesTotal\n      available\n      freeBeds\n      largestHouseholdAdmissible\n      held\n      occupied\n      outOfService\n      stale\n    }\n  }\n"): (typeof documents)["\n  subscription NationalAvailabilityChanged {\n    availabilityChanged {\n      regionId\n      category\n      placesTotal\n      available\n      freeBeds\n      largestHouseholdAdmissible\n      held\n      occupied\n      outOfService\n      stale\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoordinatorRegionShelters($regionId: ID!) {\n    regions {\n      id\n      name\n    }\n    shelters(regionId: $regionId, first: 100) { nodes {\n      id\n      name\n      categories\n      statusConfirmedAt\n    } }\n  }\n"): (typeof documents)["\n  query CoordinatorRegionShelters($regionId: ID!) {\n    regions {\n      id\n      name\n    }\n    shelters(regionId: $regionId, first: 100) { nodes {\n      id\n      name\n      categories\n      statusConfirmedAt\n    } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowDashboard($regionId: ID, $from: String!, $to: String!, $granularity: FlowGranularity!) {\n    flowReport(regionId: $regionId, from: $from, to: $to, granularity: $granularity) {\n      regionId\n      from\n      to\n      granularity\n      buckets {\n        start\n        end\n        inflow { admissions { value suppressed } }\n        blockedOutflow { atPeriodEnd { value suppressed } byBlocker { key value suppressed } }\n        waitingList { waitingAtEnd { value suppressed } }\n        occupancy { category rate }\n      }\n      total {\n        start\n        end\n        inflow {\n          admissions { value suppressed }\n          persons { value suppressed }\n          byCategory { key value suppressed }\n          byOrigin { key value suppressed }\n          byReferrerType { key value suppressed }\n          bySexAndAgeBand { key value suppressed }\n        }\n        throughflow {\n          transfers { value suppressed }\n          byMove { key value suppressed }\n          toOtherRegions { value suppressed }\n          fromOtherRegions { value suppressed }\n          daysBeforeMove { observations { value suppressed } p50 p90 }\n        }\n        outflow {\n          discharges { value suppressed }\n          byDestination { key value suppressed }\n          lengthOfStay { category discharges { value suppressed } p50Days p90Days normDays overNormShare overMaxShare }\n        }\n        blockedOutflow { atPeriodEnd { value suppressed } byBlocker { key value suppressed } daysWaitingP50 markedInPeriod { value suppressed } }\n        unmetDemand {\n          notAdmitted { value suppressed }\n          byReason { key value suppressed }\n          escalations { value suppressed }\n          hoursToClaim { observations { value suppressed } p50 p90 }\n          hoursToAdmission { observations { value suppressed } p50 p90 }\n          daysWithoutFreePlace { key value suppressed }\n        }\n        waitingList {\n          waitingAtEnd { value suppressed }\n          leftList { value suppressed }\n          leftListBy { key value suppressed }\n          daysWaited { observations { value suppressed } p50 p90 }\n          offersMade { value suppressed }\n          offersAccepted { value suppressed }\n          offersDeclined { value suppressed }\n        }\n        occupancy { category rate occupiedPlaceSamples inServicePlaceSamples }\n        placementMatrix { originRegion placementRegion value suppressed }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowDashboard($regionId: ID, $from: String!, $to: String!, $granularity: FlowGranularity!) {\n    flowReport(regionId: $regionId, from: $from, to: $to, granularity: $granularity) {\n      regionId\n      from\n      to\n      granularity\n      buckets {\n        start\n        end\n        inflow { admissions { value suppressed } }\n        blockedOutflow { atPeriodEnd { value suppressed } byBlocker { key value suppressed } }\n        waitingList { waitingAtEnd { value suppressed } }\n        occupancy { category rate }\n      }\n      total {\n        start\n        end\n        inflow {\n          admissions { value suppressed }\n          persons { value suppressed }\n          byCategory { key value suppressed }\n          byOrigin { key value suppressed }\n          byReferrerType { key value suppressed }\n          bySexAndAgeBand { key value suppressed }\n        }\n        throughflow {\n          transfers { value suppressed }\n          byMove { key value suppressed }\n          toOtherRegions { value suppressed }\n          fromOtherRegions { value suppressed }\n          daysBeforeMove { observations { value suppressed } p50 p90 }\n        }\n        outflow {\n          discharges { value suppressed }\n          byDestination { key value suppressed }\n          lengthOfStay { category discharges { value suppressed } p50Days p90Days normDays overNormShare overMaxShare }\n        }\n        blockedOutflow { atPeriodEnd { value suppressed } byBlocker { key value suppressed } daysWaitingP50 markedInPeriod { value suppressed } }\n        unmetDemand {\n          notAdmitted { value suppressed }\n          byReason { key value suppressed }\n          escalations { value suppressed }\n          hoursToClaim { observations { value suppressed } p50 p90 }\n          hoursToAdmission { observations { value suppressed } p50 p90 }\n          daysWithoutFreePlace { key value suppressed }\n        }\n        waitingList {\n          waitingAtEnd { value suppressed }\n          leftList { value suppressed }\n          leftListBy { key value suppressed }\n          daysWaited { observations { value suppressed } p50 p90 }\n          offersMade { value suppressed }\n          offersAccepted { value suppressed }\n          offersDeclined { value suppressed }\n        }\n        occupancy { category rate occupiedPlaceSamples inServicePlaceSamples }\n        placementMatrix { originRegion placementRegion value suppressed }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowRegions {\n    regions {\n      id\n      name\n      code\n    }\n  }\n"): (typeof documents)["\n  query FlowRegions {\n    regions {\n      id\n      name\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntakeRequests {\n    placementRequests(first: 100) { nodes {\n      id\n      status\n      urgency\n      householdSize\n      adults\n      children\n      homeRegionId\n      createdAt\n      escalatedAt\n      risk {\n        level\n      }\n    } }\n  }\n"): (typeof documents)["\n  query IntakeRequests {\n    placementRequests(first: 100) { nodes {\n      id\n      status\n      urgency\n      householdSize\n      adults\n      children\n      homeRegionId\n      createdAt\n      escalatedAt\n      risk {\n        level\n      }\n    } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IntakeIncoming($regionId: ID!) {\n    incomingPlacementRequests(regionId: $regionId) {\n      id\n      status\n      escalatedAt\n    }\n  }\n"): (typeof documents)["\n  subscription IntakeIncoming($regionId: ID!) {\n    incomingPlacementRequests(regionId: $regionId) {\n      id\n      status\n      escalatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntakeShelters {\n    shelters(first: 100) { nodes {\n      id\n      name\n      region {\n        id\n        name\n      }\n    } }\n  }\n"): (typeof documents)["\n  query IntakeShelters {\n    shelters(first: 100) { nodes {\n      id\n      name\n      region {\n        id\n        name\n      }\n    } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntakeRequest($id: ID!) {\n    placementRequest(id: $id) {\n      id\n      status\n      receivingShelter {\n        shelterId\n        name\n      }\n      ...RequestFacts_request\n    }\n    placementOptions(requestId: $id, limit: 10) {\n      ...OptionsList_options\n    }\n  }\n"): (typeof documents)["\n  query IntakeRequest($id: ID!) {\n    placementRequest(id: $id) {\n      id\n      status\n      receivingShelter {\n        shelterId\n        name\n      }\n      ...RequestFacts_request\n    }\n    placementOptions(requestId: $id, limit: 10) {\n      ...OptionsList_options\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IntakeRequestChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription IntakeRequestChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntakeClaimForRequest($input: ClaimForRequestInput!) {\n    claimForRequest(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation IntakeClaimForRequest($input: ClaimForRequestInput!) {\n    claimForRequest(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntakeDecline($input: CloseRequestInput!) {\n    declinePlacementRequest(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation IntakeDecline($input: CloseRequestInput!) {\n    declinePlacementRequest(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardClaimPlace($input: ClaimPlaceInput!) {\n    claimPlace(input: $input) {\n      id\n      status\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation BoardClaimPlace($input: ClaimPlaceInput!) {\n    claimPlace(input: $input) {\n      id\n      status\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardReleaseClaim($input: ReleaseClaimInput!) {\n    releaseClaim(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation BoardReleaseClaim($input: ReleaseClaimInput!) {\n    releaseClaim(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardAdmit($input: AdmitInput!) {\n    admit(input: $input) {\n      id\n      householdSize\n    }\n  }\n"): (typeof documents)["\n  mutation BoardAdmit($input: AdmitInput!) {\n    admit(input: $input) {\n      id\n      householdSize\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardSetPlaceStatus($input: SetPlaceStatusInput!) {\n    setPlaceStatus(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation BoardSetPlaceStatus($input: SetPlaceStatusInput!) {\n    setPlaceStatus(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardMarkReady($input: MarkReadyForOutflowInput!) {\n    markReadyForOutflow(input: $input) {\n      id\n      readyForOutflowAt\n      outflowBlockers\n    }\n  }\n"): (typeof documents)["\n  mutation BoardMarkReady($input: MarkReadyForOutflowInput!) {\n    markReadyForOutflow(input: $input) {\n      id\n      readyForOutflowAt\n      outflowBlockers\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardTransfer($input: TransferStayInput!) {\n    transferStay(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation BoardTransfer($input: TransferStayInput!) {\n    transferStay(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardDischarge($input: DischargeInput!) {\n    discharge(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation BoardDischarge($input: DischargeInput!) {\n    discharge(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntakeBoard($shelterId: ID!) {\n    shelter(id: $shelterId) {\n      id\n      name\n      regionId\n      statusConfirmedAt\n      places {\n        id\n        label\n        beds\n        status\n        version\n        ...PlaceRow_place\n      }\n    }\n    activeStays(shelterId: $shelterId) {\n      id\n      claimId\n      householdSize\n      ...PlaceRow_stay\n    }\n    claims(shelterId: $shelterId, first: 100) { nodes {\n      id\n      status\n      expiresAt\n      householdSize\n      places {\n        id\n      }\n    } }\n  }\n"): (typeof documents)["\n  query IntakeBoard($shelterId: ID!) {\n    shelter(id: $shelterId) {\n      id\n      name\n      regionId\n      statusConfirmedAt\n      places {\n        id\n        label\n        beds\n        status\n        version\n        ...PlaceRow_place\n      }\n    }\n    activeStays(shelterId: $shelterId) {\n      id\n      claimId\n      householdSize\n      ...PlaceRow_stay\n    }\n    claims(shelterId: $shelterId, first: 100) { nodes {\n      id\n      status\n      expiresAt\n      householdSize\n      places {\n        id\n      }\n    } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IntakePlacesChanged($shelterId: ID!) {\n    shelterPlacesChanged(shelterId: $shelterId) {\n      shelterId\n      places {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription IntakePlacesChanged($shelterId: ID!) {\n    shelterPlacesChanged(shelterId: $shelterId) {\n      shelterId\n      places {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlaceRow_place on Place {\n    id\n    label\n    category\n    beds\n    status\n    statusChangedAt\n    outOfServiceReason\n    nationalReserve\n  }\n"): (typeof documents)["\n  fragment PlaceRow_place on Place {\n    id\n    label\n    category\n    beds\n    status\n    statusChangedAt\n    outOfServiceReason\n    nationalReserve\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlaceRow_stay on Stay {\n    id\n    householdSize\n    adults\n    children\n    admittedAt\n    readyForOutflowAt\n    outflowBlockers\n  }\n"): (typeof documents)["\n  fragment PlaceRow_stay on Stay {\n    id\n    householdSize\n    adults\n    children\n    admittedAt\n    readyForOutflowAt\n    outflowBlockers\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardConfirmStatus($shelterId: ID!) {\n    confirmShelterStatus(shelterId: $shelterId) {\n      id\n      statusConfirmedAt\n    }\n  }\n"): (typeof documents)["\n  mutation BoardConfirmStatus($shelterId: ID!) {\n    confirmShelterStatus(shelterId: $shelterId) {\n      id\n      statusConfirmedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReferrerEmergency($input: EmergencyPlacementInput!) {\n    requestEmergencyPlacement(input: $input) {\n      claim {\n        id\n        expiresAt\n      }\n      receivingShelter {\n        ...ReceivingShelterCard_shelter\n      }\n      request {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReferrerEmergency($input: EmergencyPlacementInput!) {\n    requestEmergencyPlacement(input: $input) {\n      claim {\n        id\n        expiresAt\n      }\n      receivingShelter {\n        ...ReceivingShelterCard_shelter\n      }\n      request {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferrerMyRequests {\n    placementRequests(first: 100) { nodes {\n      id\n      status\n      urgency\n      householdSize\n      createdAt\n      clientReference\n    } }\n  }\n"): (typeof documents)["\n  query ReferrerMyRequests {\n    placementRequests(first: 100) { nodes {\n      id\n      status\n      urgency\n      householdSize\n      createdAt\n      clientReference\n    } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReferrerRowChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription ReferrerRowChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReferrerCreateRequest($input: CreatePlacementRequestInput!) {\n    createPlacementRequest(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReferrerCreateRequest($input: CreatePlacementRequestInput!) {\n    createPlacementRequest(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReceivingShelterCard_shelter on ReceivingShelter {\n    name\n    intakePhone\n    meetingInstructions\n    holdExpiresAt\n  }\n"): (typeof documents)["\n  fragment ReceivingShelterCard_shelter on ReceivingShelter {\n    name\n    intakePhone\n    meetingInstructions\n    holdExpiresAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferrerRequest($id: ID!) {\n    placementRequest(id: $id) {\n      id\n      status\n      receivingShelter {\n        ...ReceivingShelterCard_shelter\n      }\n      ...RequestFacts_request\n    }\n  }\n"): (typeof documents)["\n  query ReferrerRequest($id: ID!) {\n    placementRequest(id: $id) {\n      id\n      status\n      receivingShelter {\n        ...ReceivingShelterCard_shelter\n      }\n      ...RequestFacts_request\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferrerOptions($id: ID!) {\n    placementOptions(requestId: $id, limit: 10) {\n      ...OptionsList_options\n    }\n  }\n"): (typeof documents)["\n  query ReferrerOptions($id: ID!) {\n    placementOptions(requestId: $id, limit: 10) {\n      ...OptionsList_options\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReferrerRequestChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription ReferrerRequestChanged($id: ID!) {\n    placementRequestUpdated(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReferrerAvailabilityChanged {\n    availabilityChanged {\n      regionId\n      category\n      available\n    }\n  }\n"): (typeof documents)["\n  subscription ReferrerAvailabilityChanged {\n    availabilityChanged {\n      regionId\n      category\n      available\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;