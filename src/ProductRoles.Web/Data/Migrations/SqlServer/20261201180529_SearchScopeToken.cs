using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// Nothing to do on SQL Server: the SQLite index got a Scope column so its role filter is answered by
    /// the index; SQL Server filters the full-text matches on its indexed ProductId and Kind columns.
    /// Kept so that both sets have the same migrations.
    /// </summary>
    public partial class SearchScopeToken : Migration
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
