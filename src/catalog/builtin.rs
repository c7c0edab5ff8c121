//! Facts about a stock PostgreSQL 15 `pg_catalog`, for offline name resolution and type
//! changes: whether a function of a name exists (read off `facts::PROCS`) and its casts
//! between builtin types. Generated from a fresh `initdb` cluster with:
//!
//! ```sql
//! SELECT format_type(castsource, NULL), format_type(casttarget, NULL), castcontext, castmethod
//!   FROM pg_cast WHERE castsource < 10000 AND casttarget < 10000;
//! ```
//!
//! sorted in byte order; the names of its operator classes (sorted likewise):
//!
//! ```sql
//! SELECT DISTINCT opcname FROM pg_opclass WHERE opcnamespace = 'pg_catalog'::regnamespace;
//! ```
//!
//! and the names of its volatile functions:
//!
//! ```sql
//! SELECT DISTINCT proname FROM pg_proc WHERE pronamespace = 'pg_catalog'::regnamespace
//!  AND provolatile = 'v' AND prokind = 'f';
//! ```

/// Whether `name` is the name of a function in `pg_catalog`.
pub fn is_function(name: &str) -> bool {
    super::facts::PROCS.binary_search_by(|p| p.0.cmp(name)).is_ok()
}

/// Whether some `pg_catalog` function named `name` is volatile (`nextval`, `random`,
/// `clock_timestamp`, ...): a default that calls it is evaluated once per row.
pub fn is_volatile_function(name: &str) -> bool {
    VOLATILE_FUNCTIONS.binary_search(&name).is_ok()
}

/// Whether `name` is the name of an operator class in `pg_catalog` (`text_pattern_ops`,
/// `jsonb_path_ops`, ...).
pub fn is_opclass(name: &str) -> bool {
    OPCLASSES.binary_search(&name).is_ok()
}

/// Whether `pg_cast` holds a cast from `source` to `target` (canonical spellings, no typmods).
pub fn has_cast(source: &str, target: &str) -> bool {
    cast(source, target).is_some()
}

/// The cast `pg_cast` holds from `source` to `target` (canonical spellings, no typmods): its
/// context (`b'i'` implicit, `b'a'` assignment, `b'e'` explicit) and method (`b'f'` a
/// function, `b'b'` binary coercible, `b'i'` through text I/O).
pub fn cast(source: &str, target: &str) -> Option<(u8, u8)> {
    let i = CASTS.binary_search_by(|&(s, t, _, _)| (s, t).cmp(&(source, target))).ok()?;
    CASTS.get(i).map(|&(_, _, context, method)| (context, method))
}

/// Whether extension `ext` installs a function `name` that has the same signature as a
/// builtin one, so that a path listing the extension's schema before `pg_catalog` finds the
/// extension's.
pub fn extension_shadows(ext: &str, name: &str) -> bool {
    matches!((ext, name), ("pgcrypto", "gen_random_uuid"))
}

const OPCLASSES: &[&str] = &[
    "aclitem_ops", "array_ops", "bit_minmax_ops", "bit_ops", "bool_ops", "box_inclusion_ops",
    "box_ops", "bpchar_bloom_ops", "bpchar_minmax_ops", "bpchar_ops", "bpchar_pattern_ops",
    "bytea_bloom_ops", "bytea_minmax_ops", "bytea_ops", "char_bloom_ops", "char_minmax_ops",
    "char_ops", "cid_ops", "cidr_ops", "circle_ops", "date_bloom_ops", "date_minmax_multi_ops",
    "date_minmax_ops", "date_ops", "enum_ops", "float4_bloom_ops", "float4_minmax_multi_ops",
    "float4_minmax_ops", "float4_ops", "float8_bloom_ops", "float8_minmax_multi_ops",
    "float8_minmax_ops", "float8_ops", "inet_bloom_ops", "inet_inclusion_ops",
    "inet_minmax_multi_ops", "inet_minmax_ops", "inet_ops", "int2_bloom_ops",
    "int2_minmax_multi_ops", "int2_minmax_ops", "int2_ops", "int4_bloom_ops",
    "int4_minmax_multi_ops", "int4_minmax_ops", "int4_ops", "int8_bloom_ops",
    "int8_minmax_multi_ops", "int8_minmax_ops", "int8_ops", "interval_bloom_ops",
    "interval_minmax_multi_ops", "interval_minmax_ops", "interval_ops", "jsonb_ops",
    "jsonb_path_ops", "kd_point_ops", "macaddr8_bloom_ops", "macaddr8_minmax_multi_ops",
    "macaddr8_minmax_ops", "macaddr8_ops", "macaddr_bloom_ops", "macaddr_minmax_multi_ops",
    "macaddr_minmax_ops", "macaddr_ops", "money_ops", "multirange_ops", "name_bloom_ops",
    "name_minmax_ops", "name_ops", "numeric_bloom_ops", "numeric_minmax_multi_ops",
    "numeric_minmax_ops", "numeric_ops", "oid_bloom_ops", "oid_minmax_multi_ops", "oid_minmax_ops",
    "oid_ops", "oidvector_ops", "pg_lsn_bloom_ops", "pg_lsn_minmax_multi_ops", "pg_lsn_minmax_ops",
    "pg_lsn_ops", "point_ops", "poly_ops", "quad_point_ops", "range_inclusion_ops", "range_ops",
    "record_image_ops", "record_ops", "text_bloom_ops", "text_minmax_ops", "text_ops",
    "text_pattern_ops", "tid_bloom_ops", "tid_minmax_multi_ops", "tid_minmax_ops", "tid_ops",
    "time_bloom_ops", "time_minmax_multi_ops", "time_minmax_ops", "time_ops",
    "timestamp_bloom_ops", "timestamp_minmax_multi_ops", "timestamp_minmax_ops", "timestamp_ops",
    "timestamptz_bloom_ops", "timestamptz_minmax_multi_ops", "timestamptz_minmax_ops",
    "timestamptz_ops", "timetz_bloom_ops", "timetz_minmax_multi_ops", "timetz_minmax_ops",
    "timetz_ops", "tsquery_ops", "tsvector_ops", "uuid_bloom_ops", "uuid_minmax_multi_ops",
    "uuid_minmax_ops", "uuid_ops", "varbit_minmax_ops", "varbit_ops", "varchar_ops",
    "varchar_pattern_ops", "xid8_ops", "xid_ops"
];

const CASTS: &[(&str, &str, u8, u8)] = &[
    ("\"char\"", "character", b'a', b'f'),
    ("\"char\"", "character varying", b'a', b'f'),
    ("\"char\"", "integer", b'e', b'f'),
    ("\"char\"", "text", b'i', b'f'),
    ("bigint", "bit", b'e', b'f'),
    ("bigint", "double precision", b'i', b'f'),
    ("bigint", "integer", b'a', b'f'),
    ("bigint", "money", b'a', b'f'),
    ("bigint", "numeric", b'i', b'f'),
    ("bigint", "oid", b'i', b'f'),
    ("bigint", "real", b'i', b'f'),
    ("bigint", "regclass", b'i', b'f'),
    ("bigint", "regcollation", b'i', b'f'),
    ("bigint", "regconfig", b'i', b'f'),
    ("bigint", "regdictionary", b'i', b'f'),
    ("bigint", "regnamespace", b'i', b'f'),
    ("bigint", "regoper", b'i', b'f'),
    ("bigint", "regoperator", b'i', b'f'),
    ("bigint", "regproc", b'i', b'f'),
    ("bigint", "regprocedure", b'i', b'f'),
    ("bigint", "regrole", b'i', b'f'),
    ("bigint", "regtype", b'i', b'f'),
    ("bigint", "smallint", b'a', b'f'),
    ("bit", "bigint", b'e', b'f'),
    ("bit", "bit", b'i', b'f'),
    ("bit", "bit varying", b'i', b'b'),
    ("bit", "integer", b'e', b'f'),
    ("bit varying", "bit", b'i', b'b'),
    ("bit varying", "bit varying", b'i', b'f'),
    ("boolean", "character", b'a', b'f'),
    ("boolean", "character varying", b'a', b'f'),
    ("boolean", "integer", b'e', b'f'),
    ("boolean", "text", b'a', b'f'),
    ("box", "circle", b'e', b'f'),
    ("box", "lseg", b'e', b'f'),
    ("box", "point", b'e', b'f'),
    ("box", "polygon", b'a', b'f'),
    ("character", "\"char\"", b'a', b'f'),
    ("character", "character", b'i', b'f'),
    ("character", "character varying", b'i', b'f'),
    ("character", "name", b'i', b'f'),
    ("character", "text", b'i', b'f'),
    ("character", "xml", b'e', b'f'),
    ("character varying", "\"char\"", b'a', b'f'),
    ("character varying", "character", b'i', b'b'),
    ("character varying", "character varying", b'i', b'f'),
    ("character varying", "name", b'i', b'f'),
    ("character varying", "regclass", b'i', b'f'),
    ("character varying", "text", b'i', b'b'),
    ("character varying", "xml", b'e', b'f'),
    ("cidr", "character", b'a', b'f'),
    ("cidr", "character varying", b'a', b'f'),
    ("cidr", "inet", b'i', b'b'),
    ("cidr", "text", b'a', b'f'),
    ("circle", "box", b'e', b'f'),
    ("circle", "point", b'e', b'f'),
    ("circle", "polygon", b'e', b'f'),
    ("date", "timestamp with time zone", b'i', b'f'),
    ("date", "timestamp without time zone", b'i', b'f'),
    ("daterange", "datemultirange", b'e', b'f'),
    ("double precision", "bigint", b'a', b'f'),
    ("double precision", "integer", b'a', b'f'),
    ("double precision", "numeric", b'a', b'f'),
    ("double precision", "real", b'a', b'f'),
    ("double precision", "smallint", b'a', b'f'),
    ("inet", "character", b'a', b'f'),
    ("inet", "character varying", b'a', b'f'),
    ("inet", "cidr", b'a', b'f'),
    ("inet", "text", b'a', b'f'),
    ("int4range", "int4multirange", b'e', b'f'),
    ("int8range", "int8multirange", b'e', b'f'),
    ("integer", "\"char\"", b'e', b'f'),
    ("integer", "bigint", b'i', b'f'),
    ("integer", "bit", b'e', b'f'),
    ("integer", "boolean", b'e', b'f'),
    ("integer", "double precision", b'i', b'f'),
    ("integer", "money", b'a', b'f'),
    ("integer", "numeric", b'i', b'f'),
    ("integer", "oid", b'i', b'b'),
    ("integer", "real", b'i', b'f'),
    ("integer", "regclass", b'i', b'b'),
    ("integer", "regcollation", b'i', b'b'),
    ("integer", "regconfig", b'i', b'b'),
    ("integer", "regdictionary", b'i', b'b'),
    ("integer", "regnamespace", b'i', b'b'),
    ("integer", "regoper", b'i', b'b'),
    ("integer", "regoperator", b'i', b'b'),
    ("integer", "regproc", b'i', b'b'),
    ("integer", "regprocedure", b'i', b'b'),
    ("integer", "regrole", b'i', b'b'),
    ("integer", "regtype", b'i', b'b'),
    ("integer", "smallint", b'a', b'f'),
    ("interval", "interval", b'i', b'f'),
    ("interval", "time without time zone", b'a', b'f'),
    ("json", "jsonb", b'a', b'i'),
    ("jsonb", "bigint", b'e', b'f'),
    ("jsonb", "boolean", b'e', b'f'),
    ("jsonb", "double precision", b'e', b'f'),
    ("jsonb", "integer", b'e', b'f'),
    ("jsonb", "json", b'a', b'i'),
    ("jsonb", "numeric", b'e', b'f'),
    ("jsonb", "real", b'e', b'f'),
    ("jsonb", "smallint", b'e', b'f'),
    ("lseg", "point", b'e', b'f'),
    ("macaddr", "macaddr8", b'i', b'f'),
    ("macaddr8", "macaddr", b'i', b'f'),
    ("money", "numeric", b'a', b'f'),
    ("name", "character", b'a', b'f'),
    ("name", "character varying", b'a', b'f'),
    ("name", "text", b'i', b'f'),
    ("numeric", "bigint", b'a', b'f'),
    ("numeric", "double precision", b'i', b'f'),
    ("numeric", "integer", b'a', b'f'),
    ("numeric", "money", b'a', b'f'),
    ("numeric", "numeric", b'i', b'f'),
    ("numeric", "real", b'i', b'f'),
    ("numeric", "smallint", b'a', b'f'),
    ("numrange", "nummultirange", b'e', b'f'),
    ("oid", "bigint", b'a', b'f'),
    ("oid", "integer", b'a', b'b'),
    ("oid", "regclass", b'i', b'b'),
    ("oid", "regcollation", b'i', b'b'),
    ("oid", "regconfig", b'i', b'b'),
    ("oid", "regdictionary", b'i', b'b'),
    ("oid", "regnamespace", b'i', b'b'),
    ("oid", "regoper", b'i', b'b'),
    ("oid", "regoperator", b'i', b'b'),
    ("oid", "regproc", b'i', b'b'),
    ("oid", "regprocedure", b'i', b'b'),
    ("oid", "regrole", b'i', b'b'),
    ("oid", "regtype", b'i', b'b'),
    ("path", "polygon", b'a', b'f'),
    ("pg_dependencies", "bytea", b'i', b'b'),
    ("pg_dependencies", "text", b'i', b'i'),
    ("pg_mcv_list", "bytea", b'i', b'b'),
    ("pg_mcv_list", "text", b'i', b'i'),
    ("pg_ndistinct", "bytea", b'i', b'b'),
    ("pg_ndistinct", "text", b'i', b'i'),
    ("pg_node_tree", "text", b'i', b'b'),
    ("point", "box", b'a', b'f'),
    ("polygon", "box", b'e', b'f'),
    ("polygon", "circle", b'e', b'f'),
    ("polygon", "path", b'a', b'f'),
    ("polygon", "point", b'e', b'f'),
    ("real", "bigint", b'a', b'f'),
    ("real", "double precision", b'i', b'f'),
    ("real", "integer", b'a', b'f'),
    ("real", "numeric", b'a', b'f'),
    ("real", "smallint", b'a', b'f'),
    ("regclass", "bigint", b'a', b'f'),
    ("regclass", "integer", b'a', b'b'),
    ("regclass", "oid", b'i', b'b'),
    ("regcollation", "bigint", b'a', b'f'),
    ("regcollation", "integer", b'a', b'b'),
    ("regcollation", "oid", b'i', b'b'),
    ("regconfig", "bigint", b'a', b'f'),
    ("regconfig", "integer", b'a', b'b'),
    ("regconfig", "oid", b'i', b'b'),
    ("regdictionary", "bigint", b'a', b'f'),
    ("regdictionary", "integer", b'a', b'b'),
    ("regdictionary", "oid", b'i', b'b'),
    ("regnamespace", "bigint", b'a', b'f'),
    ("regnamespace", "integer", b'a', b'b'),
    ("regnamespace", "oid", b'i', b'b'),
    ("regoper", "bigint", b'a', b'f'),
    ("regoper", "integer", b'a', b'b'),
    ("regoper", "oid", b'i', b'b'),
    ("regoper", "regoperator", b'i', b'b'),
    ("regoperator", "bigint", b'a', b'f'),
    ("regoperator", "integer", b'a', b'b'),
    ("regoperator", "oid", b'i', b'b'),
    ("regoperator", "regoper", b'i', b'b'),
    ("regproc", "bigint", b'a', b'f'),
    ("regproc", "integer", b'a', b'b'),
    ("regproc", "oid", b'i', b'b'),
    ("regproc", "regprocedure", b'i', b'b'),
    ("regprocedure", "bigint", b'a', b'f'),
    ("regprocedure", "integer", b'a', b'b'),
    ("regprocedure", "oid", b'i', b'b'),
    ("regprocedure", "regproc", b'i', b'b'),
    ("regrole", "bigint", b'a', b'f'),
    ("regrole", "integer", b'a', b'b'),
    ("regrole", "oid", b'i', b'b'),
    ("regtype", "bigint", b'a', b'f'),
    ("regtype", "integer", b'a', b'b'),
    ("regtype", "oid", b'i', b'b'),
    ("smallint", "bigint", b'i', b'f'),
    ("smallint", "double precision", b'i', b'f'),
    ("smallint", "integer", b'i', b'f'),
    ("smallint", "numeric", b'i', b'f'),
    ("smallint", "oid", b'i', b'f'),
    ("smallint", "real", b'i', b'f'),
    ("smallint", "regclass", b'i', b'f'),
    ("smallint", "regcollation", b'i', b'f'),
    ("smallint", "regconfig", b'i', b'f'),
    ("smallint", "regdictionary", b'i', b'f'),
    ("smallint", "regnamespace", b'i', b'f'),
    ("smallint", "regoper", b'i', b'f'),
    ("smallint", "regoperator", b'i', b'f'),
    ("smallint", "regproc", b'i', b'f'),
    ("smallint", "regprocedure", b'i', b'f'),
    ("smallint", "regrole", b'i', b'f'),
    ("smallint", "regtype", b'i', b'f'),
    ("text", "\"char\"", b'a', b'f'),
    ("text", "character", b'i', b'b'),
    ("text", "character varying", b'i', b'b'),
    ("text", "name", b'i', b'f'),
    ("text", "regclass", b'i', b'f'),
    ("text", "xml", b'e', b'f'),
    ("time with time zone", "time with time zone", b'i', b'f'),
    ("time with time zone", "time without time zone", b'a', b'f'),
    ("time without time zone", "interval", b'i', b'f'),
    ("time without time zone", "time with time zone", b'i', b'f'),
    ("time without time zone", "time without time zone", b'i', b'f'),
    ("timestamp with time zone", "date", b'a', b'f'),
    ("timestamp with time zone", "time with time zone", b'a', b'f'),
    ("timestamp with time zone", "time without time zone", b'a', b'f'),
    ("timestamp with time zone", "timestamp with time zone", b'i', b'f'),
    ("timestamp with time zone", "timestamp without time zone", b'a', b'f'),
    ("timestamp without time zone", "date", b'a', b'f'),
    ("timestamp without time zone", "time without time zone", b'a', b'f'),
    ("timestamp without time zone", "timestamp with time zone", b'i', b'f'),
    ("timestamp without time zone", "timestamp without time zone", b'i', b'f'),
    ("tsrange", "tsmultirange", b'e', b'f'),
    ("tstzrange", "tstzmultirange", b'e', b'f'),
    ("xid8", "xid", b'e', b'f'),
    ("xml", "character", b'a', b'b'),
    ("xml", "character varying", b'a', b'b'),
    ("xml", "text", b'a', b'b'),
];

const VOLATILE_FUNCTIONS: &[&str] = &[
    "RI_FKey_cascade_del", "RI_FKey_cascade_upd", "RI_FKey_check_ins", "RI_FKey_check_upd",
    "RI_FKey_noaction_del", "RI_FKey_noaction_upd", "RI_FKey_restrict_del", "RI_FKey_restrict_upd",
    "RI_FKey_setdefault_del", "RI_FKey_setdefault_upd", "RI_FKey_setnull_del", "RI_FKey_setnull_upd",
    "amvalidate", "bernoulli", "binary_upgrade_create_empty_extension",
    "binary_upgrade_set_missing_value", "binary_upgrade_set_next_array_pg_type_oid",
    "binary_upgrade_set_next_heap_pg_class_oid", "binary_upgrade_set_next_heap_relfilenode",
    "binary_upgrade_set_next_index_pg_class_oid", "binary_upgrade_set_next_index_relfilenode",
    "binary_upgrade_set_next_multirange_array_pg_type_oid",
    "binary_upgrade_set_next_multirange_pg_type_oid", "binary_upgrade_set_next_pg_authid_oid",
    "binary_upgrade_set_next_pg_enum_oid", "binary_upgrade_set_next_pg_tablespace_oid",
    "binary_upgrade_set_next_pg_type_oid", "binary_upgrade_set_next_toast_pg_class_oid",
    "binary_upgrade_set_next_toast_relfilenode", "binary_upgrade_set_record_init_privs",
    "brin_desummarize_range", "brin_summarize_new_values", "brin_summarize_range", "brinhandler",
    "bthandler", "clock_timestamp", "current_query", "currtid2", "currval", "cursor_to_xml",
    "cursor_to_xmlschema", "dsnowball_init", "dsnowball_lexize", "gen_random_uuid",
    "gin_clean_pending_list", "ginhandler", "gisthandler", "hashhandler", "heap_tableam_handler",
    "lastval", "lo_close", "lo_creat", "lo_create", "lo_export", "lo_from_bytea", "lo_get",
    "lo_import", "lo_lseek", "lo_lseek64", "lo_open", "lo_put", "lo_tell", "lo_tell64", "lo_truncate",
    "lo_truncate64", "lo_unlink", "loread", "lowrite", "nextval", "pg_advisory_lock",
    "pg_advisory_lock_shared", "pg_advisory_unlock", "pg_advisory_unlock_all",
    "pg_advisory_unlock_shared", "pg_advisory_xact_lock", "pg_advisory_xact_lock_shared",
    "pg_backup_start", "pg_backup_stop", "pg_blocking_pids", "pg_cancel_backend",
    "pg_collation_actual_version", "pg_control_checkpoint", "pg_control_init", "pg_control_recovery",
    "pg_control_system", "pg_copy_logical_replication_slot", "pg_copy_physical_replication_slot",
    "pg_create_logical_replication_slot", "pg_create_physical_replication_slot",
    "pg_create_restore_point", "pg_current_logfile", "pg_current_wal_flush_lsn",
    "pg_current_wal_insert_lsn", "pg_current_wal_lsn", "pg_database_collation_actual_version",
    "pg_database_size", "pg_drop_replication_slot", "pg_export_snapshot", "pg_extension_config_dump",
    "pg_get_backend_memory_contexts", "pg_get_multixact_members", "pg_get_shmem_allocations",
    "pg_get_wal_replay_pause_state", "pg_get_wal_resource_managers", "pg_hba_file_rules",
    "pg_ident_file_mappings", "pg_import_system_collations", "pg_indexes_size", "pg_is_in_recovery",
    "pg_is_wal_replay_paused", "pg_isolation_test_session_is_blocked", "pg_jit_available",
    "pg_last_committed_xact", "pg_last_wal_receive_lsn", "pg_last_wal_replay_lsn",
    "pg_last_xact_replay_timestamp", "pg_lock_status", "pg_log_backend_memory_contexts",
    "pg_logical_emit_message", "pg_logical_slot_get_binary_changes", "pg_logical_slot_get_changes",
    "pg_logical_slot_peek_binary_changes", "pg_logical_slot_peek_changes", "pg_ls_archive_statusdir",
    "pg_ls_dir", "pg_ls_logdir", "pg_ls_logicalmapdir", "pg_ls_logicalsnapdir", "pg_ls_replslotdir",
    "pg_ls_tmpdir", "pg_ls_waldir", "pg_nextoid", "pg_notification_queue_usage", "pg_notify",
    "pg_partition_ancestors", "pg_partition_tree", "pg_prepared_xact", "pg_promote",
    "pg_read_binary_file", "pg_read_file", "pg_read_file_old", "pg_relation_size", "pg_reload_conf",
    "pg_replication_origin_advance", "pg_replication_origin_create", "pg_replication_origin_drop",
    "pg_replication_origin_progress", "pg_replication_origin_session_is_setup",
    "pg_replication_origin_session_progress", "pg_replication_origin_session_reset",
    "pg_replication_origin_session_setup", "pg_replication_origin_xact_reset",
    "pg_replication_origin_xact_setup", "pg_replication_slot_advance", "pg_rotate_logfile",
    "pg_rotate_logfile_old", "pg_safe_snapshot_blocking_pids", "pg_sequence_last_value",
    "pg_show_all_file_settings", "pg_show_replication_origin_status", "pg_sleep", "pg_sleep_for",
    "pg_sleep_until", "pg_stat_clear_snapshot", "pg_stat_file", "pg_stat_force_next_flush",
    "pg_stat_get_recovery_prefetch", "pg_stat_get_xact_blocks_fetched", "pg_stat_get_xact_blocks_hit",
    "pg_stat_get_xact_function_calls", "pg_stat_get_xact_function_self_time",
    "pg_stat_get_xact_function_total_time", "pg_stat_get_xact_numscans",
    "pg_stat_get_xact_tuples_deleted", "pg_stat_get_xact_tuples_fetched",
    "pg_stat_get_xact_tuples_hot_updated", "pg_stat_get_xact_tuples_inserted",
    "pg_stat_get_xact_tuples_returned", "pg_stat_get_xact_tuples_updated", "pg_stat_have_stats",
    "pg_stat_reset", "pg_stat_reset_replication_slot", "pg_stat_reset_shared",
    "pg_stat_reset_single_function_counters", "pg_stat_reset_single_table_counters",
    "pg_stat_reset_slru", "pg_stat_reset_subscription_stats", "pg_stop_making_pinned_objects",
    "pg_switch_wal", "pg_table_size", "pg_tablespace_size", "pg_terminate_backend",
    "pg_total_relation_size", "pg_try_advisory_lock", "pg_try_advisory_lock_shared",
    "pg_try_advisory_xact_lock", "pg_try_advisory_xact_lock_shared", "pg_wal_replay_pause",
    "pg_wal_replay_resume", "pg_xact_commit_timestamp", "pg_xact_commit_timestamp_origin",
    "pg_xact_status", "plpgsql_call_handler", "plpgsql_inline_handler", "plpgsql_validator",
    "query_to_xml", "query_to_xml_and_xmlschema", "query_to_xmlschema", "random", "set_config",
    "setseed", "setval", "spghandler", "suppress_redundant_updates_trigger", "system", "timeofday",
    "ts_rewrite", "ts_stat", "tsvector_update_trigger", "tsvector_update_trigger_column",
    "txid_status", "unique_key_recheck",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(OPCLASSES.windows(2).all(|w| w[0] < w[1]));
        assert!(super::super::facts::PROCS.windows(2).all(|w| w[0].0 <= w[1].0));
        assert!(CASTS.windows(2).all(|w| w[0] < w[1]));
        assert!(VOLATILE_FUNCTIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_volatile_function("nextval") && is_volatile_function("random") && !is_volatile_function("now"));
        assert!(is_function("now") && is_function("gen_random_uuid") && !is_function("uuid_generate_v4"));
        assert!(has_cast("integer", "bigint") && !has_cast("integer", "uuid"));
    }
}
