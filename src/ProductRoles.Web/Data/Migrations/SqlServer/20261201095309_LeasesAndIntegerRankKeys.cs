using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.SqlServer
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
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            // Rank keys gain an integer part (the fractional-indexing scheme). Every old key is a base-62
            // fraction in (0, 1) not ending in '0', so "a0" (the integer zero) + the old key is a valid new
            // key with the old order: nothing moves.
            migrationBuilder.Sql("UPDATE [BacklogItems] SET [Rank] = 'a0' + [Rank];");
            migrationBuilder.Sql("UPDATE [RoadmapItems] SET [Rank] = 'a0' + [Rank];");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to bare fractions: keys made since (other integers than zero) cannot be expressed so and are left as they are.
            migrationBuilder.Sql("UPDATE [BacklogItems] SET [Rank] = SUBSTRING([Rank], 3, 200) WHERE [Rank] LIKE 'a0_%';");
            migrationBuilder.Sql("UPDATE [RoadmapItems] SET [Rank] = SUBSTRING([Rank], 3, 200) WHERE [Rank] LIKE 'a0_%';");

            migrationBuilder.DropTable(
                name: "Leases");
        }
    }
}
