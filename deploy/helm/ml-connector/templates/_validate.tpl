{{/* Checks that fail the render with a message saying which value to fix. */}}

{{- define "mlc.dnsLabelPattern" -}}
^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$
{{- end -}}

{{- define "mlc.dnsLabelRule" -}}
a DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters
{{- end -}}

{{/* Name of a tenant entry: its id, or its group name. */}}
{{- define "mlc.tenantEntryName" -}}
{{- if .group }}{{ .group }}{{ else }}{{ .id }}{{ end -}}
{{- end -}}

{{- define "mlc.validate" -}}
{{- include "mlc.validateTenants" . -}}
{{- include "mlc.validateTopics" . -}}
{{- include "mlc.validateSecrets" . -}}
{{- include "mlc.validateApiTokens" . -}}
{{- include "mlc.validateRequiredSecrets" . -}}
{{- include "mlc.validateTls" . -}}
{{- include "mlc.validateResources" . -}}
{{- include "mlc.validateAutoscaling" . -}}
{{- if .Values.replay.enabled }}{{ include "mlc.validateReplay" . }}{{ end -}}
{{- end -}}

{{- define "mlc.validateTenants" -}}
{{- $pattern := include "mlc.dnsLabelPattern" . -}}
{{- $rule := include "mlc.dnsLabelRule" . -}}
{{- $seenIds := dict -}}
{{- $seenNames := dict -}}
{{- range $i, $entry := .Values.tenants -}}
{{- if not (kindIs "map" $entry) -}}
{{- fail (printf "tenants[%d] must be a map with `id`, or `group` and `ids`" $i) -}}
{{- end -}}
{{- $ids := list -}}
{{- if and (hasKey $entry "id") (hasKey $entry "group") -}}
{{- fail (printf "tenants[%d]: set either `id` or `group` (with `ids`), not both" $i) -}}
{{- else if hasKey $entry "group" -}}
{{- $group := toString $entry.group -}}
{{- if not (regexMatch $pattern $group) -}}
{{- fail (printf "tenants[%d].group %q is not a valid group name: it must be %s" $i $group $rule) -}}
{{- end -}}
{{- if or (not (kindIs "slice" $entry.ids)) (empty $entry.ids) -}}
{{- fail (printf "tenants[%d] (group %q) needs a non-empty `ids` list of tenant ids" $i $group) -}}
{{- end -}}
{{- range $j, $id := $entry.ids -}}
{{- if not (regexMatch $pattern (toString $id)) -}}
{{- fail (printf "tenants[%d].ids[%d]: tenant id %q is invalid: a tenant id must be %s" $i $j (toString $id) $rule) -}}
{{- end -}}
{{- $ids = append $ids (toString $id) -}}
{{- end -}}
{{- else if hasKey $entry "id" -}}
{{- if not (regexMatch $pattern (toString $entry.id)) -}}
{{- fail (printf "tenants[%d].id: tenant id %q is invalid: a tenant id must be %s" $i (toString $entry.id) $rule) -}}
{{- end -}}
{{- $ids = list (toString $entry.id) -}}
{{- else -}}
{{- fail (printf "tenants[%d] needs an `id`, or a `group` name with `ids`" $i) -}}
{{- end -}}
{{- $name := include "mlc.tenantEntryName" $entry -}}
{{- if hasKey $seenNames $name -}}
{{- fail (printf "tenants[%d]: name %q is already used by tenants[%v]; ids and group names must be unique" $i $name (index $seenNames $name)) -}}
{{- end -}}
{{- $_ := set $seenNames $name $i -}}
{{- range $id := $ids -}}
{{- if hasKey $seenIds $id -}}
{{- fail (printf "tenant id %q appears in tenants[%v] and tenants[%d]; each tenant must be polled by exactly one entry" $id (index $seenIds $id) $i) -}}
{{- end -}}
{{- $_ := set $seenIds $id $i -}}
{{- end -}}
{{- if and (hasKey $entry "replicas") (lt (int $entry.replicas) 0) -}}
{{- fail (printf "tenants[%d].replicas must be 0 or more" $i) -}}
{{- end -}}
{{- range $system, $schedules := $entry.schedules | default dict -}}
{{- if not (has $system (list "qad" "servicenow")) -}}
{{- fail (printf "tenants[%d].schedules.%s: use `qad` or `servicenow` as the key, with entity: duration below it" $i $system) -}}
{{- end -}}
{{- range $entity, $duration := $schedules -}}
{{- if not (regexMatch "^[a-z0-9]+([-_][a-z0-9]+)*$" $entity) -}}
{{- fail (printf "tenants[%d].schedules.%s: entity %q must be lower-case words joined by '-'" $i $system $entity) -}}
{{- end -}}
{{- if not (regexMatch "^([0-9]+(ms|s|m|h|d)?|[Pp][0-9A-Za-z.]+)$" (toString $duration)) -}}
{{- fail (printf "tenants[%d].schedules.%s.%s: %q is not a duration (e.g. 30s, 5m, 1h or PT5M)" $i $system $entity (toString $duration)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $entry.resources -}}
{{- include "mlc.requireResources" (dict "path" (printf "tenants[%d].resources" $i) "resources" $entry.resources) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "mlc.validateTopics" -}}
{{- $topics := splitList "," (include "mlc.topicNames" .) -}}
{{- range $topic, $override := .Values.kafka.topics.overrides -}}
{{- if not (has $topic $topics) -}}
{{- fail (printf "kafka.topics.overrides: unknown topic %q; known topics: %s" $topic (join ", " $topics)) -}}
{{- end -}}
{{- end -}}
{{- range $topic := $topics -}}
{{- if lt (include "mlc.topicPartitions" (dict "root" $ "topic" $topic) | int) 1 -}}
{{- fail (printf "kafka.topics: partitions of %s must be at least 1" $topic) -}}
{{- end -}}
{{- if lt (include "mlc.topicReplicationFactor" (dict "root" $ "topic" $topic) | int) 1 -}}
{{- fail (printf "kafka.topics: replicationFactor of %s must be at least 1" $topic) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Secrets given inline are checked for shape; existing Secrets are the operator's to check. */}}
{{- define "mlc.validateSecrets" -}}
{{- $crypto := .Values.crypto -}}
{{- if and (not $crypto.existingSecret) $crypto.keys -}}
{{- $ids := list -}}
{{- range $entry := splitList "," $crypto.keys -}}
{{- $parts := splitn ":" 2 (trim $entry) -}}
{{- if or (not $parts._1) (not (regexMatch "^[A-Za-z0-9_.-]+$" $parts._0)) -}}
{{- fail "crypto.keys must be keyId:base64-key[,keyId:base64-key...] with key ids of letters, digits, '.', '_' or '-'" -}}
{{- end -}}
{{- if ne (len (b64dec $parts._1)) 32 -}}
{{- fail (printf "crypto.keys: key %q must be 32 bytes, base64-encoded (openssl rand -base64 32)" $parts._0) -}}
{{- end -}}
{{- $ids = append $ids $parts._0 -}}
{{- end -}}
{{- if not (has $crypto.activeKeyId $ids) -}}
{{- fail (printf "crypto.activeKeyId %q is not one of the key ids in crypto.keys (%s)" $crypto.activeKeyId (join ", " $ids)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "mlc.requireResources" -}}
{{- $r := .resources | default dict -}}
{{- $requests := $r.requests | default dict -}}
{{- $limits := $r.limits | default dict -}}
{{- if not (and $requests.cpu $requests.memory $limits.cpu $limits.memory) -}}
{{- fail (printf "%s must set requests and limits for both cpu and memory" .path) -}}
{{- end -}}
{{- end -}}

{{- define "mlc.validateResources" -}}
{{- range $key := list "mapperService" "writerService" "console" "qadPoller" "servicenowPoller" "kafkaCli" -}}
{{- include "mlc.requireResources" (dict "path" (printf "%s.resources" $key) "resources" (index $.Values $key).resources) -}}
{{- end -}}
{{- end -}}

{{- define "mlc.validateAutoscaling" -}}
{{- range $key := list "mapperService" "writerService" -}}
{{- $a := (index $.Values $key).autoscaling -}}
{{- if $a.enabled -}}
{{- if or (lt (int $a.minReplicas) 1) (gt (int $a.minReplicas) (int $a.maxReplicas)) -}}
{{- fail (printf "%s.autoscaling: minReplicas must be between 1 and maxReplicas" $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "mlc.validateReplay" -}}
{{- $replay := .Values.replay -}}
{{- $groupTopics := include "mlc.groupTopics" . | fromJson -}}
{{- if not (hasKey $groupTopics $replay.group) -}}
{{- fail (printf "replay.group %q must be one of: %s" $replay.group (keys $groupTopics | sortAlpha | join ", ")) -}}
{{- end -}}
{{- $known := splitList "," (include "mlc.topicNames" .) -}}
{{- range $topic := $replay.topics -}}
{{- $name := regexReplaceAll ":.*$" (toString $topic) "" -}}
{{- if not (has $name $known) -}}
{{- fail (printf "replay.topics: unknown topic %q; known topics: %s" $name (join ", " $known)) -}}
{{- end -}}
{{- if not (regexMatch "^[a-z.]+(:[0-9]+(,[0-9]+)*)?$" (toString $topic)) -}}
{{- fail (printf "replay.topics: %q must be a topic name, optionally followed by :partition[,partition...]" (toString $topic)) -}}
{{- end -}}
{{- end -}}
{{- $datetime := toString ($replay.toDatetime | default "") -}}
{{- $offset := include "mlc.replayOffset" . -}}
{{- if eq (empty $datetime) (empty $offset) -}}
{{- fail "replay: set exactly one of replay.toDatetime and replay.toOffset" -}}
{{- end -}}
{{- if and $datetime (not (regexMatch "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}(Z|[+-][0-9]{2}:[0-9]{2})?$" $datetime)) -}}
{{- fail (printf "replay.toDatetime %q must look like 2025-01-31T06:00:00.000Z (yyyy-MM-ddTHH:mm:ss.SSS, optional zone)" $datetime) -}}
{{- end -}}
{{- if and $offset (not (regexMatch "^[0-9]+$" $offset)) -}}
{{- fail (printf "replay.toOffset %q must be a non-negative integer" $offset) -}}
{{- end -}}
{{- end -}}

{{/* replay.toOffset as text; 0 is a valid offset, so "unset" means null or "". */}}
{{- define "mlc.replayOffset" -}}
{{- $offset := .Values.replay.toOffset -}}
{{- if kindIs "string" $offset -}}
{{- $offset -}}
{{- else if not (kindIs "invalid" $offset) -}}
{{- int64 $offset -}}
{{- end -}}
{{- end -}}

{{/* Operator-API tokens given inline: names, scopes and long enough secrets (the services refuse
shorter ones at start, better to fail the render). */}}
{{- define "mlc.validateApiTokens" -}}
{{- $api := .Values.api -}}
{{- if not $api.existingSecret -}}
{{- $names := dict -}}
{{- range $i, $t := $api.tokens -}}
{{- if not (regexMatch "^[a-z0-9][a-z0-9._-]{0,62}$" (toString $t.name)) -}}
{{- fail (printf "api.tokens[%d].name %q must be lower-case letters, digits, '.', '_' or '-'" $i (toString $t.name)) -}}
{{- end -}}
{{- if or (hasKey $names (toString $t.name)) (eq (toString $t.name) "receipt-sync") -}}
{{- fail (printf "api.tokens[%d].name %q is used twice (receipt-sync is reserved)" $i (toString $t.name)) -}}
{{- end -}}
{{- $_ := set $names (toString $t.name) true -}}
{{- if not (has (toString $t.scope) (list "read" "operate" "admin")) -}}
{{- fail (printf "api.tokens[%d].scope %q must be read, operate or admin" $i (toString $t.scope)) -}}
{{- end -}}
{{- if not (regexMatch "^[!-~]{24,}$" (toString $t.token)) -}}
{{- fail (printf "api.tokens[%d].token must be at least 24 printable characters without spaces (openssl rand -hex 32)" $i) -}}
{{- end -}}
{{- if regexMatch "[,:]" (toString $t.token) -}}
{{- fail (printf "api.tokens[%d].token must not contain ',' or ':'" $i) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Inline secrets must be there and long enough: an empty token or password is no protection. */}}
{{- define "mlc.validateRequiredSecrets" -}}
{{- $db := .Values.database -}}
{{- if not $db.existingSecret -}}
{{- if lt (len (toString $db.password)) 16 -}}
{{- fail "database.password must be at least 16 characters (or set database.existingSecret)" -}}
{{- end -}}
{{- if $db.perService.enabled -}}
{{- range $component, $user := $db.perService.users -}}
{{- if not (regexMatch "^[a-z_][a-z0-9_]{0,62}$" (toString $user)) -}}
{{- fail (printf "database.perService.users.%s %q must be a lower-case PostgreSQL role name" $component (toString $user)) -}}
{{- end -}}
{{- if lt (len (toString (index $db.perService.passwords $component | default ""))) 16 -}}
{{- fail (printf "database.perService.passwords.%s must be at least 16 characters (or set database.existingSecret)" $component) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $sasl := .Values.kafka.sasl -}}
{{- if $sasl.enabled -}}
{{- if not (has (toString $sasl.securityProtocol) (list "SASL_SSL" "SASL_PLAINTEXT")) -}}
{{- fail (printf "kafka.sasl.securityProtocol %q must be SASL_SSL or SASL_PLAINTEXT" (toString $sasl.securityProtocol)) -}}
{{- end -}}
{{- if not (has (toString $sasl.mechanism) (list "SCRAM-SHA-512" "SCRAM-SHA-256")) -}}
{{- fail (printf "kafka.sasl.mechanism %q must be SCRAM-SHA-512 or SCRAM-SHA-256" (toString $sasl.mechanism)) -}}
{{- end -}}
{{- range $user := list "admin" "console" "mapper-service" "writer-service" "qad-poller" "servicenow-poller" -}}
{{- if not (regexMatch "^[!#-\\[\\]-~]+$" (toString (index $sasl.users $user | default ""))) -}}
{{- fail (printf "kafka.sasl.users.%s must name that user's Kafka principal (printable, no quotes, backslashes or spaces)" $user) -}}
{{- end -}}
{{- if and (not $sasl.existingSecret) (not (regexMatch "^[!#-\\[\\]-~]{16,}$" (toString (index $sasl.passwords $user | default "")))) -}}
{{- fail (printf "kafka.sasl.passwords.%s must be at least 16 printable characters without quotes, backslashes or spaces (or set kafka.sasl.existingSecret)" $user) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $api := .Values.api -}}
{{- if not $api.existingSecret -}}
{{- $admin := false -}}
{{- range $api.tokens }}{{ if eq (toString .scope) "admin" }}{{ $admin = true }}{{ end }}{{ end -}}
{{- if not $admin -}}
{{- fail "api.tokens needs at least one token with scope admin (or set api.existingSecret)" -}}
{{- end -}}
{{- if not (regexMatch "^[!-~]{24,}$" (toString $api.receiptSyncToken)) -}}
{{- fail "api.receiptSyncToken must be at least 24 printable characters without spaces (or set api.existingSecret)" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "mlc.validateTls" -}}
{{- if not (has (toString .Values.database.sslMode) (list "" "disable" "allow" "prefer" "require" "verify-ca" "verify-full")) -}}
{{- fail (printf "database.sslMode %q must be disable, require, verify-ca or verify-full" (toString .Values.database.sslMode)) -}}
{{- end -}}
{{- if and (has (toString .Values.database.sslMode) (list "verify-ca" "verify-full")) (not .Values.database.sslRootCertSecret) -}}
{{- fail "database.sslMode verify-ca/verify-full needs database.sslRootCertSecret (the server's CA)" -}}
{{- end -}}
{{- if and .Values.internalTls.enabled (not .Values.internalTls.secretName) -}}
{{- fail "internalTls.enabled needs internalTls.secretName (a kubernetes.io/tls Secret)" -}}
{{- end -}}
{{- end -}}
