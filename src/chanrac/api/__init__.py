"""The HTTP API: FastAPI routers, one per resource, over the capabilities (OpenAPI at /docs)."""
