{{/* Names and labels. */}}

{{- define "mlc.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Resource name prefix. Kept to 40 characters so that "<prefix>-replay-<revision>" (a Job name,
which Kubernetes copies into a 63-character label) and "<prefix>-console" (a Service) stay valid.
*/}}
{{- define "mlc.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "mlc.labels" -}}
app.kubernetes.io/name: {{ include "mlc.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{ include "mlc.metadataLabels" . }}
{{- end -}}

{{/* The labels that are not selector labels. */}}
{{- define "mlc.metadataLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: ml-connector
{{- end -}}

{{/* Selector labels of one workload: dict root, component[, tenantEntry]. */}}
{{- define "mlc.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mlc.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- if .tenantEntry }}
mlconnector.io/tenant-entry: {{ .tenantEntry }}
{{- end }}
{{- end -}}

{{/* Kafka topics, consumer groups and which service reads what: fixed by the services' code. */}}

{{- define "mlc.topicNames" -}}
qad.supplier.changed,qad.po.changed,qad.dimension.changed,sn.invoice.changed,sn.dimension.changed,sn.upsert,qad.invoice.post,mlc.parked,mlc.dlq
{{- end -}}

{{- define "mlc.groupTopics" -}}
{"mlc-mapper": ["qad.supplier.changed", "qad.po.changed", "qad.dimension.changed", "sn.invoice.changed", "sn.dimension.changed"],
 "mlc-writer-servicenow": ["sn.upsert"],
 "mlc-writer-qad": ["qad.invoice.post"],
 "mlc-writer-receipts": ["qad.po.changed"]}
{{- end -}}

{{/* Partitions / replication factor of one topic: dict root, topic. */}}
{{- define "mlc.topicPartitions" -}}
{{- $override := index .root.Values.kafka.topics.overrides .topic | default dict -}}
{{- $override.partitions | default .root.Values.kafka.topics.partitions | int -}}
{{- end -}}

{{- define "mlc.topicReplicationFactor" -}}
{{- $override := index .root.Values.kafka.topics.overrides .topic | default dict -}}
{{- $override.replicationFactor | default .root.Values.kafka.topics.replicationFactor | int -}}
{{- end -}}

{{/*
Largest partition count among the topics a set of consumer groups reads: consumers beyond it get
no partition and idle. dict root, groups (list).
*/}}
{{- define "mlc.maxUsefulReplicas" -}}
{{- $root := .root -}}
{{- $groupTopics := include "mlc.groupTopics" $root | fromJson -}}
{{- $max := 0 -}}
{{- range $group := .groups -}}
{{- range $topic := index $groupTopics $group -}}
{{- $max = max $max (include "mlc.topicPartitions" (dict "root" $root "topic" $topic) | int) -}}
{{- end -}}
{{- end -}}
{{- $max -}}
{{- end -}}

{{/* Image reference: dict root, service (e.g. "mapper-service"), image (the service's overrides). */}}
{{- define "mlc.image" -}}
{{- $global := .root.Values.image -}}
{{- $own := .image | default dict -}}
{{- $registry := $own.registry | default $global.registry -}}
{{- $repository := $own.repository | default (printf "%s/%s" $global.repositoryPrefix .service | trimPrefix "/") -}}
{{- $tag := $own.tag | default $global.tag | default .root.Chart.AppVersion -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Secret names: the one given in values, or the one this chart renders. */}}

{{- define "mlc.databaseSecretName" -}}
{{- .Values.database.existingSecret | default (printf "%s-database" (include "mlc.fullname" .)) -}}
{{- end -}}

{{- define "mlc.kafkaSecretName" -}}
{{- .Values.kafka.sasl.existingSecret | default (printf "%s-kafka" (include "mlc.fullname" .)) -}}
{{- end -}}

{{- define "mlc.cryptoSecretName" -}}
{{- .Values.crypto.existingSecret | default (printf "%s-crypto" (include "mlc.fullname" .)) -}}
{{- end -}}

{{- define "mlc.apiSecretName" -}}
{{- .Values.api.existingSecret | default (printf "%s-api" (include "mlc.fullname" .)) -}}
{{- end -}}

{{/*
Kafka login env of a service or Job: dict root, secretName, user (a key of kafka.sasl.users:
the service's name, or "admin" for Jobs). The protocol is always set: the services default to
SASL_SSL and refuse to start without a login.
*/}}
{{- define "mlc.kafkaLoginEnv" -}}
{{- $kafka := .root.Values.kafka -}}
- name: MLC_KAFKA_SECURITY_PROTOCOL
  value: {{ ternary $kafka.sasl.securityProtocol (ternary "SSL" "PLAINTEXT" (eq $kafka.tls.enabled true)) (eq $kafka.sasl.enabled true) | quote }}
{{- if $kafka.sasl.enabled }}
- name: MLC_KAFKA_SASL_MECHANISM
  value: {{ $kafka.sasl.mechanism | quote }}
- name: MLC_KAFKA_SASL_USERNAME
  value: {{ index $kafka.sasl.users .user | quote }}
- name: MLC_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .user }}-password
{{- end }}
{{- end -}}

{{/*
Shell lines that turn the MLC_KAFKA_* env of a Job into a client properties file for the Kafka
CLI; the secret stays in the pod's environment and an emptyDir, never in the manifest.
*/}}
{{- define "mlc.kafkaCliPreamble" -}}
set -eu
BIN={{ .Values.kafkaCli.binDir | quote }}
CLIENT_CONFIG="${TMPDIR:-/tmp}/client.properties"
{
  echo "security.protocol=${MLC_KAFKA_SECURITY_PROTOCOL}"
  if [ -n "${MLC_KAFKA_SASL_USERNAME:-}" ]; then
    echo "sasl.mechanism=${MLC_KAFKA_SASL_MECHANISM}"
    echo "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"${MLC_KAFKA_SASL_USERNAME}\" password=\"${MLC_KAFKA_SASL_PASSWORD}\";"
  fi
  if [ -f /etc/mlc/kafka/ca.crt ]; then
    echo "ssl.truststore.type=PEM"
    echo "ssl.truststore.location=/etc/mlc/kafka/ca.crt"
  fi
} > "$CLIENT_CONFIG"
kafka() {
  tool="$1"; shift
  "$BIN/$tool" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$CLIENT_CONFIG" "$@"
}
{{- end -}}

{{/* Pod-level settings shared by Jobs: dict root. */}}
{{- define "mlc.jobPodSpec" -}}
restartPolicy: Never
automountServiceAccountToken: false
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
securityContext:
  runAsNonRoot: true
  runAsUser: {{ .Values.kafkaCli.runAsUser }}
  seccompProfile:
    type: RuntimeDefault
{{- with .Values.common.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.common.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  - name: tmp
    emptyDir: {}
{{- end -}}

{{/* Container-level settings shared by Job containers: dict root. */}}
{{- define "mlc.jobContainerSettings" -}}
image: {{ .Values.kafkaCli.image }}
imagePullPolicy: {{ .Values.kafkaCli.pullPolicy }}
securityContext:
  {{- toYaml .Values.common.securityContext | nindent 2 }}
resources:
  {{- toYaml .Values.kafkaCli.resources | nindent 2 }}
volumeMounts:
  - name: tmp
    mountPath: /tmp
{{- end -}}

{{/* The Kafka SASL Secret (<user>-password per kafka.sasl.users key): dict root, name, hook. */}}
{{- define "mlc.kafkaSecret" -}}
{{- $sasl := .root.Values.kafka.sasl -}}
apiVersion: v1
kind: Secret
metadata:
  name: {{ .name }}
  labels:
    {{- include "mlc.labels" .root | nindent 4 }}
  {{- if .hook }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "-10"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
  {{- end }}
type: Opaque
data:
  {{- range $user, $_ := $sasl.users }}
  {{ $user }}-password: {{ index $sasl.passwords $user | default "" | toString | b64enc | quote }}
  {{- end }}
{{- end -}}

{{/*
Topics each service's Kafka user may write and read, and its consumer-group prefix: fixed by the
services' code (the local stack's KafkaAcls grants the same). JSON: user key -> {writes, reads, group}.
*/}}
{{- define "mlc.kafkaAcls" -}}
{"qad-poller": {"writes": ["qad.supplier.changed", "qad.po.changed", "qad.dimension.changed", "mlc.parked"], "reads": [], "group": ""},
 "servicenow-poller": {"writes": ["sn.invoice.changed", "sn.dimension.changed", "mlc.parked"], "reads": [], "group": ""},
 "mapper-service": {"writes": ["sn.upsert", "qad.invoice.post", "mlc.parked", "mlc.dlq"], "reads": ["qad.supplier.changed", "qad.po.changed", "qad.dimension.changed", "sn.invoice.changed", "sn.dimension.changed"], "group": "mlc-mapper"},
 "writer-service": {"writes": ["mlc.parked", "mlc.dlq"], "reads": ["sn.upsert", "qad.invoice.post", "qad.po.changed"], "group": "mlc-writer"},
 "console": {"writes": ["qad.supplier.changed", "qad.po.changed", "qad.dimension.changed", "sn.invoice.changed", "sn.dimension.changed", "sn.upsert", "qad.invoice.post", "mlc.parked"], "reads": ["qad.supplier.changed", "qad.po.changed", "qad.dimension.changed", "sn.invoice.changed", "sn.dimension.changed", "sn.upsert", "qad.invoice.post", "mlc.parked"], "group": "mlc-console", "observedGroups": "mlc-"}}
{{- end -}}

{{/* The JDBC URL with sslmode (and the CA when given) appended. */}}
{{- define "mlc.jdbcUrl" -}}
{{- $db := .Values.database -}}
{{- $params := list -}}
{{- if $db.sslMode }}{{ $params = append $params (printf "sslmode=%s" $db.sslMode) }}{{ end -}}
{{- if $db.sslRootCertSecret }}{{ $params = append $params "sslrootcert=/etc/mlc/pg/ca.crt" }}{{ end -}}
{{- $db.jdbcUrl -}}
{{- if $params }}{{ ternary "&" "?" (contains "?" $db.jdbcUrl) }}{{ join "&" $params }}{{ end -}}
{{- end -}}

{{/* Database credentials of one service: dict root, component. */}}
{{- define "mlc.databaseEnv" -}}
{{- $v := .root.Values -}}
{{- $per := $v.database.perService.enabled -}}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "mlc.databaseSecretName" .root }}
      key: {{ ternary (printf "%s-username" .component) $v.database.usernameKey $per }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "mlc.databaseSecretName" .root }}
      key: {{ ternary (printf "%s-password" .component) $v.database.passwordKey $per }}
{{- end -}}

{{/* A trusted CA for the brokers' TLS: dict root. */}}
{{- define "mlc.kafkaTlsEnv" -}}
{{- $kafka := .root.Values.kafka -}}
{{- if $kafka.tls.caSecret }}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PEM
- name: KAFKA_SSL_TRUSTSTORE_LOCATION
  value: /etc/mlc/kafka/ca.crt
{{- end }}
{{- end -}}

{{/* The services' HTTP scheme inside the cluster. */}}
{{- define "mlc.internalScheme" -}}
{{- ternary "https" "http" (eq .Values.internalTls.enabled true) -}}
{{- end -}}

{{/* The database Secret: dict root, name, hook (a copy for the pre-install database Job). */}}
{{- define "mlc.databaseSecret" -}}
{{- $db := .root.Values.database -}}
apiVersion: v1
kind: Secret
metadata:
  name: {{ .name }}
  labels:
    {{- include "mlc.labels" .root | nindent 4 }}
  {{- if .hook }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "-10"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
  {{- end }}
type: Opaque
data:
  {{ $db.usernameKey }}: {{ $db.username | toString | b64enc | quote }}
  {{ $db.passwordKey }}: {{ $db.password | toString | b64enc | quote }}
  {{- if $db.perService.enabled }}
  {{- range $component, $user := $db.perService.users }}
  {{ $component }}-username: {{ $user | toString | b64enc | quote }}
  {{ $component }}-password: {{ index $db.perService.passwords $component | default "" | toString | b64enc | quote }}
  {{- end }}
  {{- end }}
{{- end -}}

{{/*
Roles, schemas and grants of database.perService, for psql with -v pw_<service>=… . Each service
owns its schema; the console alone owns `console`; pollers and writer read the registry (tenants
and encrypted secrets), the mapper only `console.tenant`; the console reads every audit trail.
*/}}
{{- define "mlc.databaseRolesSql" -}}
{{- $u := .Values.database.perService.users -}}
{{- $schemas := dict "console" "console" "mapper-service" "mapper" "writer-service" "writer" "qad-poller" "qad_poller" "servicenow-poller" "servicenow_poller" -}}
-- Generated by the ml-connector chart. Run as the database administrator:
--   psql -v ON_ERROR_STOP=1 -f roles.sql -v database=<db> {{ range $c, $_ := $u }}-v pw_{{ $c | replace "-" "_" }}=… {{ end }}
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
{{- range $component, $role := $u }}
{{- $schema := index $schemas $component }}

-- {{ $component }}: role {{ $role }}, owner of schema {{ $schema }} and nothing else.
SELECT format('CREATE ROLE %I LOGIN', '{{ $role }}') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{ $role }}') \gexec
ALTER ROLE "{{ $role }}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'pw_{{ $component | replace "-" "_" }}';
GRANT CONNECT ON DATABASE :"database" TO "{{ $role }}";
CREATE SCHEMA IF NOT EXISTS {{ $schema }} AUTHORIZATION "{{ $role }}";
ALTER SCHEMA {{ $schema }} OWNER TO "{{ $role }}";
REVOKE ALL ON SCHEMA {{ $schema }} FROM PUBLIC;
{{- end }}

-- The fleet's shared state: every service reads and writes mlc_fleet.tenant_rate (rate limits) and
-- mlc_fleet.breaker_state (circuit breakers, read by the console), each created by the first
-- service's migration (db/common V0_5, V0_3), which grants it to the roles that may use this
-- schema; nothing else lives there.
CREATE SCHEMA IF NOT EXISTS mlc_fleet;
REVOKE ALL ON SCHEMA mlc_fleet FROM PUBLIC;
{{- range $component, $role := $u }}
GRANT USAGE, CREATE ON SCHEMA mlc_fleet TO "{{ $role }}";
{{- end }}

-- The tenant registry (console): readers only, never writers.
{{- range $component := list "qad-poller" "servicenow-poller" "writer-service" "mapper-service" }}
GRANT USAGE ON SCHEMA console TO "{{ index $u $component }}";
{{- end }}
{{- range $component := list "qad-poller" "servicenow-poller" "writer-service" "mapper-service" }}
ALTER DEFAULT PRIVILEGES FOR ROLE "{{ $u.console }}" IN SCHEMA console GRANT SELECT ON TABLES TO "{{ index $u $component }}";
GRANT SELECT ON ALL TABLES IN SCHEMA console TO "{{ index $u $component }}";
{{- end }}
-- The mapper has no crypto key: not even the ciphertexts (it then reads tenants without secrets).
-- Tables created later are covered by the next run (every upgrade): the grant above is read-only.
SELECT format('REVOKE ALL ON console.tenant_secret FROM %I', '{{ index $u "mapper-service" }}') WHERE to_regclass('console.tenant_secret') IS NOT NULL \gexec

-- The console's fleet-wide audit view reads every service's audit trail.
{{- range $component := list "qad-poller" "servicenow-poller" "writer-service" "mapper-service" }}
{{- $schema := index $schemas $component }}
GRANT USAGE ON SCHEMA {{ $schema }} TO "{{ $u.console }}";
ALTER DEFAULT PRIVILEGES FOR ROLE "{{ index $u $component }}" IN SCHEMA {{ $schema }} GRANT SELECT ON TABLES TO "{{ $u.console }}";
SELECT format('GRANT SELECT ON {{ $schema }}.audit_trail TO %I', '{{ $u.console }}') WHERE to_regclass('{{ $schema }}.audit_trail') IS NOT NULL \gexec
{{- end }}
{{- end -}}
