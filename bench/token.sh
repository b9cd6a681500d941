# Sourced by the HTTP benchmarks: sets $token to the bearer token of a clinic's information system, the way a
# hospital system calls the platform (client credentials issued by the administrator, then POST /oauth2/token).
# Needs $base (e.g. http://localhost:18081) and $port (the embedded PostgreSQL's port).
clinic=$(psql -h localhost -p "$port" -U postgres -At -c "
  select e.inpe from establishment e join convention c on c.inpe = e.inpe where e.category = 'CLINIC' limit 1")
client=$(curl -sf -u "admin:${AMO_ADMIN_PASSWORD:-admin-change-me-now}" -H 'Content-Type: application/json' \
  -d "{\"inpe\":\"$clinic\"}" "$base/api/v1/system-clients")
client_id=$(echo "$client" | sed -E 's/.*"clientId":"([^"]+)".*/\1/')
client_secret=$(echo "$client" | sed -E 's/.*"clientSecret":"([^"]+)".*/\1/')
token=$(curl -sf -u "$client_id:$client_secret" -d 'grant_type=client_credentials&scope=amo' "$base/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
