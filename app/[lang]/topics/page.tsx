import { entityIndexRoute } from '../../_routes/entity-routes';

const route = entityIndexRoute('topics');
export const generateMetadata = route.generateMetadata;
export default route.Page;
