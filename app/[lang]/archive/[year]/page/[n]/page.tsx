import { yearLaterPageRoute } from '../../../../../_routes/year-routes';

export const dynamicParams = false;
export const generateStaticParams = yearLaterPageRoute.generateStaticParams;
export const generateMetadata = yearLaterPageRoute.generateMetadata;
export default yearLaterPageRoute.Page;
