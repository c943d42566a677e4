import mysql from 'mysql2/promise';

// Server-level URL (no database): tests create and drop their own databases on it.
const serverUrl = (): string => (process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');

// Names are interpolated into DDL, so accept only plain identifiers.
function identifier(name: string): string {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `\`${name}\``;
}

async function onServer(sql: string): Promise<void> {
  const connection = await mysql.createConnection(serverUrl());
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/** Creates an empty utf8mb4 database (dropping any leftover) and returns its full URL. */
export async function freshMysqlDatabase(name: string): Promise<string> {
  await onServer(`DROP DATABASE IF EXISTS ${identifier(name)}`);
  await onServer(`CREATE DATABASE ${identifier(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return `${serverUrl()}/${name}`;
}

export async function dropMysqlDatabase(name: string): Promise<void> {
  await onServer(`DROP DATABASE IF EXISTS ${identifier(name)}`);
}
