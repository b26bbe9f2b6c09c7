// OpenAPI document built from the route schemas, and Swagger UI to browse it at /docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Collections for Outlook API',
          description:
            'Accounts-receivable collections beside the email. Money is an integer count of minor units ' +
            'with the currency named in the same object; dates are YYYY-MM-DD.',
          version: '0.1.0',
        },
        tags: [
          { name: 'customers', description: 'Customers, their computed picture and their ledger' },
          { name: 'import', description: "A company's receivables from CSV or JSON files" },
          { name: 'preview', description: 'The browser preview of the task pane' },
          { name: 'system', description: 'Health' },
        ],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'docs' },
);
