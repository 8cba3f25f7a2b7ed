import { entityFeedRoute } from '../../../../_routes/entity-feed-route';

// Written once at build time to out/{lang}/people/{id}/feed.xml.
export const dynamic = 'force-static';
export const dynamicParams = false;

const route = entityFeedRoute('people');
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
