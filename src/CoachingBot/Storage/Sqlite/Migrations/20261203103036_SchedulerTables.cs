using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachingBot.Storage.Sqlite.Migrations
{
    /// <summary>
    /// The tables of Quartz.NET 4.7's ADO job store (Scheduling/), under its default prefix QRTZ_: the twelve it checks
    /// at start, their indexes, and the triggers that stand in for cascading deletes. The execution-history tables are
    /// left out: they serve an option the app does not turn on. Quartz's rows are not EF entities, so this is SQL.
    /// SQLite keeps no column lengths; flags are 0/1 integers, times UTC ticks.
    /// </summary>
    public partial class SchedulerTables : Migration
    {
        private static readonly string[] Tables =
        [
            "QRTZ_FIRED_TRIGGERS", "QRTZ_PAUSED_JOB_GRPS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS",
            "QRTZ_SIMPLE_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_TRIGGERS",
            "QRTZ_JOB_DETAILS", "QRTZ_CALENDARS",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_JOB_DETAILS (
                    SCHED_NAME TEXT NOT NULL,
                    JOB_NAME TEXT NOT NULL,
                    JOB_GROUP TEXT NOT NULL,
                    DESCRIPTION TEXT NULL,
                    JOB_CLASS_NAME TEXT NOT NULL,
                    IS_DURABLE INTEGER NOT NULL,
                    IS_NONCONCURRENT INTEGER NOT NULL,
                    IS_UPDATE_DATA INTEGER NOT NULL,
                    REQUESTS_RECOVERY INTEGER NOT NULL,
                    JOB_DATA BLOB NULL,
                    PRIMARY KEY (SCHED_NAME, JOB_NAME, JOB_GROUP)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_TRIGGERS (
                    SCHED_NAME TEXT NOT NULL,
                    TRIGGER_NAME TEXT NOT NULL,
                    TRIGGER_GROUP TEXT NOT NULL,
                    JOB_NAME TEXT NOT NULL,
                    JOB_GROUP TEXT NOT NULL,
                    DESCRIPTION TEXT NULL,
                    NEXT_FIRE_TIME INTEGER NULL,
                    PREV_FIRE_TIME INTEGER NULL,
                    PRIORITY INTEGER NULL,
                    TRIGGER_STATE TEXT NOT NULL,
                    TRIGGER_TYPE TEXT NOT NULL,
                    START_TIME INTEGER NOT NULL,
                    END_TIME INTEGER NULL,
                    CALENDAR_NAME TEXT NULL,
                    MISFIRE_INSTR INTEGER NULL,
                    MISFIRE_ORIG_FIRE_TIME INTEGER NULL,
                    EXECUTION_GROUP TEXT NULL,
                    PREFERRED_NODE TEXT NULL,
                    PREFERRED_NODE_AUTO INTEGER NOT NULL DEFAULT 0,
                    RETRY_POLICY TEXT NULL,
                    RETRY_ATTEMPT INTEGER NULL,
                    CONTINUES_TRIGGER_NAME TEXT NULL,
                    CONTINUES_TRIGGER_GROUP TEXT NULL,
                    CONTINUATION_CONDITION INTEGER NULL,
                    OVERLAP_POLICY INTEGER NULL,
                    PAUSE_REASON TEXT NULL,
                    PAUSED_BY TEXT NULL,
                    PAUSED_AT INTEGER NULL,
                    MISFIRE_THRESHOLD INTEGER NULL,
                    FIXED_DELAY INTEGER NULL,
                    JOB_DATA BLOB NULL,
                    PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
                    FOREIGN KEY (SCHED_NAME, JOB_NAME, JOB_GROUP) REFERENCES QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_SIMPLE_TRIGGERS (
                    SCHED_NAME TEXT NOT NULL,
                    TRIGGER_NAME TEXT NOT NULL,
                    TRIGGER_GROUP TEXT NOT NULL,
                    REPEAT_COUNT INTEGER NOT NULL,
                    REPEAT_INTERVAL INTEGER NOT NULL,
                    TIMES_TRIGGERED INTEGER NOT NULL,
                    PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
                    FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
                        REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_CRON_TRIGGERS (
                    SCHED_NAME TEXT NOT NULL,
                    TRIGGER_NAME TEXT NOT NULL,
                    TRIGGER_GROUP TEXT NOT NULL,
                    CRON_EXPRESSION TEXT NOT NULL,
                    TIME_ZONE_ID TEXT NULL,
                    PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
                    FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
                        REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_SIMPROP_TRIGGERS (
                    SCHED_NAME TEXT NOT NULL,
                    TRIGGER_NAME TEXT NOT NULL,
                    TRIGGER_GROUP TEXT NOT NULL,
                    STR_PROP_1 TEXT NULL,
                    STR_PROP_2 TEXT NULL,
                    STR_PROP_3 TEXT NULL,
                    INT_PROP_1 INTEGER NULL,
                    INT_PROP_2 INTEGER NULL,
                    LONG_PROP_1 INTEGER NULL,
                    LONG_PROP_2 INTEGER NULL,
                    DEC_PROP_1 NUMERIC NULL,
                    DEC_PROP_2 NUMERIC NULL,
                    BOOL_PROP_1 INTEGER NULL,
                    BOOL_PROP_2 INTEGER NULL,
                    TIME_ZONE_ID TEXT NULL,
                    PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
                    FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
                        REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_BLOB_TRIGGERS (
                    SCHED_NAME TEXT NOT NULL,
                    TRIGGER_NAME TEXT NOT NULL,
                    TRIGGER_GROUP TEXT NOT NULL,
                    BLOB_DATA BLOB NULL,
                    PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
                    FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
                        REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_CALENDARS (
                    SCHED_NAME TEXT NOT NULL,
                    CALENDAR_NAME TEXT NOT NULL,
                    CALENDAR BLOB NOT NULL,
                    PRIMARY KEY (SCHED_NAME, CALENDAR_NAME)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_PAUSED_TRIGGER_GRPS (
                    SCHED_NAME TEXT NOT NULL,
                    TRIGGER_GROUP TEXT NOT NULL,
                    PAUSE_REASON TEXT NULL,
                    PAUSED_BY TEXT NULL,
                    PAUSED_AT INTEGER NULL,
                    PRIMARY KEY (SCHED_NAME, TRIGGER_GROUP)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_PAUSED_JOB_GRPS (
                    SCHED_NAME TEXT NOT NULL,
                    JOB_GROUP TEXT NOT NULL,
                    PAUSE_REASON TEXT NULL,
                    PAUSED_BY TEXT NULL,
                    PAUSED_AT INTEGER NULL,
                    PRIMARY KEY (SCHED_NAME, JOB_GROUP)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_FIRED_TRIGGERS (
                    SCHED_NAME TEXT NOT NULL,
                    ENTRY_ID TEXT NOT NULL,
                    TRIGGER_NAME TEXT NOT NULL,
                    TRIGGER_GROUP TEXT NOT NULL,
                    INSTANCE_NAME TEXT NOT NULL,
                    FIRED_TIME INTEGER NOT NULL,
                    SCHED_TIME INTEGER NOT NULL,
                    PRIORITY INTEGER NOT NULL,
                    STATE TEXT NOT NULL,
                    JOB_NAME TEXT NULL,
                    JOB_GROUP TEXT NULL,
                    IS_NONCONCURRENT INTEGER NULL,
                    REQUESTS_RECOVERY INTEGER NULL,
                    EXECUTION_GROUP TEXT NULL,
                    PROGRESS INTEGER NULL,
                    PROGRESS_MESSAGE TEXT NULL,
                    INTERRUPT_REQUESTED_TIME INTEGER NULL,
                    PRIMARY KEY (SCHED_NAME, ENTRY_ID)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_SCHEDULER_STATE (
                    SCHED_NAME TEXT NOT NULL,
                    INSTANCE_NAME TEXT NOT NULL,
                    LAST_CHECKIN_TIME INTEGER NOT NULL,
                    CHECKIN_INTERVAL INTEGER NOT NULL,
                    QUARTZ_VERSION TEXT NULL,
                    PRIMARY KEY (SCHED_NAME, INSTANCE_NAME)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE QRTZ_LOCKS (
                    SCHED_NAME TEXT NOT NULL,
                    LOCK_NAME TEXT NOT NULL,
                    PRIMARY KEY (SCHED_NAME, LOCK_NAME)
                );
                """);

            // SQLite enforces ON DELETE CASCADE only with PRAGMA foreign_keys on, which Quartz's connections do not set:
            // these triggers remove a trigger's details with it either way.
            foreach (var details in new[] { "SIMPLE", "SIMPROP", "CRON", "BLOB" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER DELETE_{details}_TRIGGER DELETE ON QRTZ_TRIGGERS
                    BEGIN
                        DELETE FROM QRTZ_{details}_TRIGGERS
                        WHERE SCHED_NAME = OLD.SCHED_NAME AND TRIGGER_NAME = OLD.TRIGGER_NAME AND TRIGGER_GROUP = OLD.TRIGGER_GROUP;
                    END;
                    """);
            }

            migrationBuilder.Sql("CREATE INDEX IDX_QRTZ_J_G_N ON QRTZ_JOB_DETAILS (SCHED_NAME, JOB_GROUP, JOB_NAME);");
            migrationBuilder.Sql("CREATE INDEX IDX_QRTZ_T_J ON QRTZ_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);");
            migrationBuilder.Sql("CREATE INDEX IDX_QRTZ_T_G_N ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME);");
            migrationBuilder.Sql("CREATE INDEX IDX_QRTZ_T_C ON QRTZ_TRIGGERS (SCHED_NAME, CALENDAR_NAME);");
            migrationBuilder.Sql(
                "CREATE INDEX IDX_QRTZ_T_NFT_ST ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME ASC, PRIORITY DESC, MISFIRE_INSTR);");
            migrationBuilder.Sql(
                "CREATE INDEX IDX_QRTZ_FT_INST_JOB_REQ_RCVRY ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY);");
            migrationBuilder.Sql("CREATE INDEX IDX_QRTZ_FT_J_G ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);");
            migrationBuilder.Sql("CREATE INDEX IDX_QRTZ_FT_T_G ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Dropping a table drops its indexes and triggers with it.
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table};");
            }
        }
    }
}
