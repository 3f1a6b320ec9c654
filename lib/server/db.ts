import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

// One client per process; the global survives Next's module reloads in development.
const globalForDb = globalThis as unknown as { factlineDb?: PrismaClient };

export const db: PrismaClient = globalForDb.factlineDb ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForDb.factlineDb = db;
