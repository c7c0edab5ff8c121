-- two names of 64 bytes that are the same once cut to 63 (the server truncates identifiers)
CREATE TABLE customer_order_line_item_history_archive_partition_2024_january_a (id integer);
CREATE TABLE customer_order_line_item_history_archive_partition_2024_january_b (id integer);
