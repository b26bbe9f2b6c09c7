// The Pools API's JSON as the pane reads it: the server's schema types (one definition per shape).
export type {
  ChartResponse,
  PoolCriteriaJson as Criteria,
  PoolPreviewResponse,
  PoolResponse,
  PoolsResponse as PoolListResponse,
  WorklistItem,
  WorklistResponse,
} from '../../../server/http/schemas/pools';
