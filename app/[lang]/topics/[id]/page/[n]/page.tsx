import { entityLaterPageRoute } from '../../../../../_routes/entity-routes';

const route = entityLaterPageRoute('topics');
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
