using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// Nothing to do on SQL Server: the SQLite index got a prefix index for 4 characters (its last-word
    /// prefix matches); SQL Server's full-text index has no such option and answers "word*" terms itself.
    /// Kept so that both sets have the same migrations.
    /// </summary>
    public partial class SearchPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
