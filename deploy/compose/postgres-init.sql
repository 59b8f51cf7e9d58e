-- Runs once, when the postgres container starts with an empty data volume (docker-entrypoint-initdb.d).
-- One role and one database per service; password = name (local development only).
CREATE ROLE pulse_partnership LOGIN PASSWORD 'pulse_partnership';
CREATE DATABASE pulse_partnership OWNER pulse_partnership;

CREATE ROLE pulse_assessment LOGIN PASSWORD 'pulse_assessment';
CREATE DATABASE pulse_assessment OWNER pulse_assessment;

CREATE ROLE pulse_reporting LOGIN PASSWORD 'pulse_reporting';
CREATE DATABASE pulse_reporting OWNER pulse_reporting;
