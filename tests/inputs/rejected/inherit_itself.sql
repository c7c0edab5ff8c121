-- a table cannot inherit from itself: it does not exist yet (a fuzz finding: the replay recursed
-- down the inheritance cycle until the stack overflowed)
CREATE TABLE base (a integer) INHERITS (base);
