#!/bin/sh
# Build a new Neo4j database from these files (run in this folder, database stopped).
neo4j-admin database import full \
  --nodes=actors.csv \
  --nodes=articles.csv \
  --nodes=statements.csv \
  --nodes=events.csv \
  --nodes=quotes.csv \
  --nodes=figures.csv \
  --relationships=relations.csv \
  --relationships=statement_actors.csv \
  --relationships=statement_articles.csv \
  --relationships=mentioned_in.csv \
  --relationships=event_participants.csv \
  --relationships=event_places.csv \
  --relationships=event_articles.csv \
  --relationships=quote_speakers.csv \
  --relationships=quote_articles.csv \
  --relationships=figure_actors.csv \
  --relationships=figure_articles.csv \
  --array-delimiter=';' neo4j
