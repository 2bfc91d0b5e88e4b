// Load an actorgraph export into Neo4j with LOAD CSV: copy the CSV files into the
// database's import folder, then run this script (cypher-shell -f load.cypher).

CREATE CONSTRAINT IF NOT EXISTS FOR (n:Actor) REQUIRE n.actorId IS UNIQUE;
CREATE CONSTRAINT IF NOT EXISTS FOR (n:Article) REQUIRE n.articleId IS UNIQUE;
CREATE CONSTRAINT IF NOT EXISTS FOR (n:Statement) REQUIRE n.statementId IS UNIQUE;
CREATE CONSTRAINT IF NOT EXISTS FOR (n:Event) REQUIRE n.eventId IS UNIQUE;
CREATE CONSTRAINT IF NOT EXISTS FOR (n:Quote) REQUIRE n.quoteId IS UNIQUE;
CREATE CONSTRAINT IF NOT EXISTS FOR (n:Figure) REQUIRE n.figureId IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row
CREATE (n:Actor {actorId: row.`actorId:ID(Actor)`, name: row.`name`, type: row.`type`, registryId: row.`registryId`, wikidata: row.`wikidata`, aliases: CASE WHEN row.`aliases:string[]` <> '' THEN split(row.`aliases:string[]`, ';') END, articles: toInteger(row.`articles:int`), mentions: toInteger(row.`mentions:int`)})
FOREACH (_ IN CASE WHEN row.`:LABEL` ENDS WITH ';Country' THEN [1] ELSE [] END | SET n:Country)
FOREACH (_ IN CASE WHEN row.`:LABEL` ENDS WITH ';Location' THEN [1] ELSE [] END | SET n:Location)
FOREACH (_ IN CASE WHEN row.`:LABEL` ENDS WITH ';Organization' THEN [1] ELSE [] END | SET n:Organization)
FOREACH (_ IN CASE WHEN row.`:LABEL` ENDS WITH ';Person' THEN [1] ELSE [] END | SET n:Person);

LOAD CSV WITH HEADERS FROM 'file:///articles.csv' AS row
CREATE (n:Article {articleId: row.`articleId:ID(Article)`, source: row.`source`, title: row.`title`, published: row.`published`, language: row.`language`, url: row.`url`, format: row.`format`, extractor: row.`extractor`});

LOAD CSV WITH HEADERS FROM 'file:///statements.csv' AS row
CREATE (n:Statement {statementId: row.`statementId:ID(Statement)`, relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, role: row.`role`, date: row.`date`, sentence: row.`sentence`, sentStart: toInteger(row.`sentStart:int`), sentEnd: toInteger(row.`sentEnd:int`), cueStart: toInteger(row.`cueStart:int`), cueEnd: toInteger(row.`cueEnd:int`), extractor: row.`extractor`});

LOAD CSV WITH HEADERS FROM 'file:///events.csv' AS row
CREATE (n:Event {eventId: row.`eventId:ID(Event)`, type: row.`type`, date: row.`date`, dateText: row.`dateText`, certainty: row.`certainty`, sentence: row.`sentence`, sentStart: toInteger(row.`sentStart:int`), sentEnd: toInteger(row.`sentEnd:int`), extractor: row.`extractor`});

LOAD CSV WITH HEADERS FROM 'file:///quotes.csv' AS row
CREATE (n:Quote {quoteId: row.`quoteId:ID(Quote)`, text: row.`text`, date: row.`date`, dateText: row.`dateText`, medium: row.`medium`, certainty: row.`certainty`, sentence: row.`sentence`, extractor: row.`extractor`});

LOAD CSV WITH HEADERS FROM 'file:///figures.csv' AS row
CREATE (n:Figure {figureId: row.`figureId:ID(Figure)`, value: toFloat(row.`value:double`), valueMax: toFloat(row.`valueMax:double`), kind: row.`kind`, qualifier: row.`qualifier`, certainty: row.`certainty`, date: row.`date`, dateText: row.`dateText`, sentence: row.`sentence`, extractor: row.`extractor`});

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'ALLIED_WITH'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:ALLIED_WITH {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'ASSOCIATED_WITH'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:ASSOCIATED_WITH {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'BASED_IN'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:BASED_IN {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'COMMANDS'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:COMMANDS {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'DEPUTY_OF'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:DEPUTY_OF {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'FOUNDED'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:FOUNDED {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'LEADS'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:LEADS {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'MEMBER_OF'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:MEMBER_OF {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'MET_WITH'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:MET_WITH {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'OPERATES_IN'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:OPERATES_IN {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'OPPOSES'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:OPPOSES {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'PART_OF'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:PART_OF {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'SUPPORTS'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:SUPPORTS {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
WITH row WHERE row.`:TYPE` = 'TARGETED'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:TARGETED {relationId: row.`relationId`, predicate: row.`predicate`, certainty: row.`certainty`, statements: toInteger(row.`statements:int`), stories: toInteger(row.`stories:int`), sources: toInteger(row.`sources:int`), asserted: toInteger(row.`asserted:int`), reported: toInteger(row.`reported:int`), uncertain: toInteger(row.`uncertain:int`), negated: toInteger(row.`negated:int`), contradicted: toBoolean(row.`contradicted:boolean`), firstDate: row.`firstDate`, lastDate: row.`lastDate`, roles: row.`roles`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///statement_actors.csv' AS row
WITH row WHERE row.`:TYPE` = 'ATTRIBUTED_TO'
MATCH (a:Statement {statementId: row.`:START_ID(Statement)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:ATTRIBUTED_TO]->(b);

LOAD CSV WITH HEADERS FROM 'file:///statement_actors.csv' AS row
WITH row WHERE row.`:TYPE` = 'OBJECT'
MATCH (a:Statement {statementId: row.`:START_ID(Statement)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:OBJECT]->(b);

LOAD CSV WITH HEADERS FROM 'file:///statement_actors.csv' AS row
WITH row WHERE row.`:TYPE` = 'SUBJECT'
MATCH (a:Statement {statementId: row.`:START_ID(Statement)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:SUBJECT]->(b);

LOAD CSV WITH HEADERS FROM 'file:///statement_articles.csv' AS row
WITH row WHERE row.`:TYPE` = 'STATED_IN'
MATCH (a:Statement {statementId: row.`:START_ID(Statement)`}), (b:Article {articleId: row.`:END_ID(Article)`})
CREATE (a)-[:STATED_IN]->(b);

LOAD CSV WITH HEADERS FROM 'file:///mentioned_in.csv' AS row
WITH row WHERE row.`:TYPE` = 'MENTIONED_IN'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Article {articleId: row.`:END_ID(Article)`})
CREATE (a)-[:MENTIONED_IN {mentions: toInteger(row.`mentions:int`)}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///event_participants.csv' AS row
WITH row WHERE row.`:TYPE` = 'PARTICIPATED_IN'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Event {eventId: row.`:END_ID(Event)`})
CREATE (a)-[:PARTICIPATED_IN {role: row.`role`}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///event_places.csv' AS row
WITH row WHERE row.`:TYPE` = 'TOOK_PLACE_IN'
MATCH (a:Event {eventId: row.`:START_ID(Event)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:TOOK_PLACE_IN]->(b);

LOAD CSV WITH HEADERS FROM 'file:///event_articles.csv' AS row
WITH row WHERE row.`:TYPE` = 'REPORTED_IN'
MATCH (a:Event {eventId: row.`:START_ID(Event)`}), (b:Article {articleId: row.`:END_ID(Article)`})
CREATE (a)-[:REPORTED_IN]->(b);

LOAD CSV WITH HEADERS FROM 'file:///quote_speakers.csv' AS row
WITH row WHERE row.`:TYPE` = 'SAID'
MATCH (a:Actor {actorId: row.`:START_ID(Actor)`}), (b:Quote {quoteId: row.`:END_ID(Quote)`})
CREATE (a)-[:SAID]->(b);

LOAD CSV WITH HEADERS FROM 'file:///quote_articles.csv' AS row
WITH row WHERE row.`:TYPE` = 'REPORTED_IN'
MATCH (a:Quote {quoteId: row.`:START_ID(Quote)`}), (b:Article {articleId: row.`:END_ID(Article)`})
CREATE (a)-[:REPORTED_IN]->(b);

LOAD CSV WITH HEADERS FROM 'file:///figure_actors.csv' AS row
WITH row WHERE row.`:TYPE` = 'ABOUT'
MATCH (a:Figure {figureId: row.`:START_ID(Figure)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:ABOUT]->(b);

LOAD CSV WITH HEADERS FROM 'file:///figure_actors.csv' AS row
WITH row WHERE row.`:TYPE` = 'PLACE'
MATCH (a:Figure {figureId: row.`:START_ID(Figure)`}), (b:Actor {actorId: row.`:END_ID(Actor)`})
CREATE (a)-[:PLACE]->(b);

LOAD CSV WITH HEADERS FROM 'file:///figure_articles.csv' AS row
WITH row WHERE row.`:TYPE` = 'REPORTED_IN'
MATCH (a:Figure {figureId: row.`:START_ID(Figure)`}), (b:Article {articleId: row.`:END_ID(Article)`})
CREATE (a)-[:REPORTED_IN]->(b);
