-- A view over VALUES sorts by a name of its column list, which is no column of the VALUES list
CREATE VIEW v (x, y) AS VALUES (1, 'a'), (2, 'b') ORDER BY y;
