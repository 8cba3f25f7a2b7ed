import { entityIndexRoute } from '../../_routes/entity-routes';

const route = entityIndexRoute('organisations');
export const generateMetadata = route.generateMetadata;
export default route.Page;
