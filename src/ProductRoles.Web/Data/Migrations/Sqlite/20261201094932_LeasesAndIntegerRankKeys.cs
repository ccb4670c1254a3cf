using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeasesAndIntegerRankKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            // Rank keys gain an integer part (the fractional-indexing scheme). Every old key is a base-62
            // fraction in (0, 1) not ending in '0', so "a0" (the integer zero) + the old key is a valid new
            // key with the old order: nothing moves. SQLite checks the unique index row by row, and an old key
            // may itself start with "a0", so every key first steps aside ('~' starts no key).
            foreach (var table in new[] { "BacklogItems", "RoadmapItems" })
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"Rank\" = '~' || \"Rank\";");
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"Rank\" = 'a0' || substr(\"Rank\", 2);");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to bare fractions: keys made since (other integers than zero) cannot be expressed so and are left as they are.
            foreach (var table in new[] { "BacklogItems", "RoadmapItems" })
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"Rank\" = '~' || substr(\"Rank\", 3) WHERE \"Rank\" LIKE 'a0_%';");
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"Rank\" = substr(\"Rank\", 2) WHERE \"Rank\" LIKE '~%';");
            }

            migrationBuilder.DropTable(
                name: "Leases");
        }
    }
}
