import { yearRoute } from '../../../../_routes/year-routes';

export const dynamicParams = false;
export const generateStaticParams = yearRoute.generateStaticParams;
export const generateMetadata = yearRoute.generateMetadata;
export default yearRoute.Page;
