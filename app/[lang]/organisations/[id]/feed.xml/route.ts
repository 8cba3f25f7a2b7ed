import { entityFeedRoute } from '../../../../_routes/entity-feed-route';

// Written once at build time to out/{lang}/organisations/{id}/feed.xml.
export const dynamic = 'force-static';
export const dynamicParams = false;

const route = entityFeedRoute('organisations');
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
