using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Configurations;
using ProductRoles.Web.Domain.Notifications;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>Starts a watch unless it exists: one statement (an INSERT … SELECT … WHERE NOT EXISTS), safe to repeat.</summary>
public static class Watching
{
    public static Task WatchAsync(AppDbContext db, int productId, string? userId, WatchSubject subject, int subjectId, DateTime now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (userId is null)
        {
            return Task.CompletedTask;
        }

        var sql = $"""
            INSERT INTO "{NotificationWatchConfiguration.Table}" ("ProductId", "UserId", "Subject", "SubjectId", "CreatedAt")
            SELECT {"{0}"}, {"{1}"}, {"{2}"}, {"{3}"}, {"{4}"}
            WHERE NOT EXISTS (SELECT 1 FROM "{NotificationWatchConfiguration.Table}" AS w
                WHERE w."Subject" = {"{2}"} AND w."SubjectId" = {"{3}"} AND w."UserId" = {"{1}"})
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [productId, userId, (int)subject, subjectId, now], cancellationToken);
    }
}
