using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachingBot.Storage.PostgreSql.Migrations
{
    /// <summary>
    /// The tables of Quartz.NET 4.7's ADO job store (Scheduling/), under its default prefix qrtz_: the twelve it checks
    /// at start and their indexes. The execution-history tables are left out: they serve an option the app does not
    /// turn on. Quartz's rows are not EF entities, so this is SQL. Names are unquoted, so lower case: Quartz's own
    /// statements name them unquoted in upper case, which PostgreSQL folds to these. Times are UTC ticks.
    /// </summary>
    public partial class SchedulerTables : Migration
    {
        private static readonly string[] Tables =
        [
            "qrtz_fired_triggers", "qrtz_paused_job_grps", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_locks",
            "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_cron_triggers", "qrtz_blob_triggers", "qrtz_triggers",
            "qrtz_job_details", "qrtz_calendars",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create table qrtz_job_details (
                    sched_name text not null,
                    job_name text not null,
                    job_group text not null,
                    description text null,
                    job_class_name text not null,
                    is_durable boolean not null,
                    is_nonconcurrent boolean not null,
                    is_update_data boolean not null,
                    requests_recovery boolean not null,
                    job_data bytea null,
                    primary key (sched_name, job_name, job_group)
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_triggers (
                    sched_name text not null,
                    trigger_name text not null,
                    trigger_group text not null,
                    job_name text not null,
                    job_group text not null,
                    description text null,
                    next_fire_time bigint null,
                    prev_fire_time bigint null,
                    priority integer null,
                    trigger_state text not null,
                    trigger_type text not null,
                    start_time bigint not null,
                    end_time bigint null,
                    calendar_name text null,
                    misfire_instr smallint null,
                    misfire_orig_fire_time bigint null,
                    execution_group varchar(200) null,
                    preferred_node varchar(200) null,
                    preferred_node_auto boolean not null default false,
                    retry_policy varchar(250) null,
                    retry_attempt integer null,
                    continues_trigger_name text null,
                    continues_trigger_group text null,
                    continuation_condition integer null,
                    overlap_policy integer null,
                    pause_reason varchar(250) null,
                    paused_by varchar(200) null,
                    paused_at bigint null,
                    misfire_threshold bigint null,
                    fixed_delay boolean null,
                    job_data bytea null,
                    primary key (sched_name, trigger_name, trigger_group),
                    foreign key (sched_name, job_name, job_group) references qrtz_job_details (sched_name, job_name, job_group)
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_simple_triggers (
                    sched_name text not null,
                    trigger_name text not null,
                    trigger_group text not null,
                    repeat_count bigint not null,
                    repeat_interval bigint not null,
                    times_triggered bigint not null,
                    primary key (sched_name, trigger_name, trigger_group),
                    foreign key (sched_name, trigger_name, trigger_group)
                        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_cron_triggers (
                    sched_name text not null,
                    trigger_name text not null,
                    trigger_group text not null,
                    cron_expression text not null,
                    time_zone_id text null,
                    primary key (sched_name, trigger_name, trigger_group),
                    foreign key (sched_name, trigger_name, trigger_group)
                        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_simprop_triggers (
                    sched_name text not null,
                    trigger_name text not null,
                    trigger_group text not null,
                    str_prop_1 text null,
                    str_prop_2 text null,
                    str_prop_3 text null,
                    int_prop_1 integer null,
                    int_prop_2 integer null,
                    long_prop_1 bigint null,
                    long_prop_2 bigint null,
                    dec_prop_1 numeric null,
                    dec_prop_2 numeric null,
                    bool_prop_1 boolean null,
                    bool_prop_2 boolean null,
                    time_zone_id text null,
                    primary key (sched_name, trigger_name, trigger_group),
                    foreign key (sched_name, trigger_name, trigger_group)
                        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_blob_triggers (
                    sched_name text not null,
                    trigger_name text not null,
                    trigger_group text not null,
                    blob_data bytea null,
                    primary key (sched_name, trigger_name, trigger_group),
                    foreign key (sched_name, trigger_name, trigger_group)
                        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_calendars (
                    sched_name text not null,
                    calendar_name text not null,
                    calendar bytea not null,
                    primary key (sched_name, calendar_name)
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_paused_trigger_grps (
                    sched_name text not null,
                    trigger_group text not null,
                    pause_reason varchar(250) null,
                    paused_by varchar(200) null,
                    paused_at bigint null,
                    primary key (sched_name, trigger_group)
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_paused_job_grps (
                    sched_name text not null,
                    job_group text not null,
                    pause_reason varchar(250) null,
                    paused_by varchar(200) null,
                    paused_at bigint null,
                    primary key (sched_name, job_group)
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_fired_triggers (
                    sched_name text not null,
                    entry_id text not null,
                    trigger_name text not null,
                    trigger_group text not null,
                    instance_name text not null,
                    fired_time bigint not null,
                    sched_time bigint not null,
                    priority integer not null,
                    state text not null,
                    job_name text null,
                    job_group text null,
                    is_nonconcurrent boolean not null,
                    requests_recovery boolean null,
                    execution_group varchar(200) null,
                    progress integer null,
                    progress_message varchar(250) null,
                    interrupt_requested_time bigint null,
                    primary key (sched_name, entry_id)
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_scheduler_state (
                    sched_name text not null,
                    instance_name text not null,
                    last_checkin_time bigint not null,
                    checkin_interval bigint not null,
                    quartz_version varchar(20) null,
                    primary key (sched_name, instance_name)
                );
                """);

            migrationBuilder.Sql("""
                create table qrtz_locks (
                    sched_name text not null,
                    lock_name text not null,
                    primary key (sched_name, lock_name)
                );
                """);

            migrationBuilder.Sql("create index idx_qrtz_j_g_n on qrtz_job_details (sched_name, job_group, job_name);");
            migrationBuilder.Sql("create index idx_qrtz_t_j on qrtz_triggers (sched_name, job_name, job_group);");
            migrationBuilder.Sql("create index idx_qrtz_t_g_n on qrtz_triggers (sched_name, trigger_group, trigger_name);");
            migrationBuilder.Sql("create index idx_qrtz_t_c on qrtz_triggers (sched_name, calendar_name);");
            migrationBuilder.Sql(
                "create index idx_qrtz_t_nft_st on qrtz_triggers (sched_name, trigger_state, next_fire_time asc, priority desc, misfire_instr);");
            migrationBuilder.Sql(
                "create index idx_qrtz_ft_inst_job_req_rcvry on qrtz_fired_triggers (sched_name, instance_name, requests_recovery);");
            migrationBuilder.Sql("create index idx_qrtz_ft_j_g on qrtz_fired_triggers (sched_name, job_name, job_group);");
            migrationBuilder.Sql("create index idx_qrtz_ft_t_g on qrtz_fired_triggers (sched_name, trigger_name, trigger_group);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Dropping a table drops its indexes with it.
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"drop table if exists {table};");
            }
        }
    }
}
