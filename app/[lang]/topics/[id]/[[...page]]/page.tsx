import { entityRoute } from '../../../../_routes/entity-routes';

const route = entityRoute('topics');
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
