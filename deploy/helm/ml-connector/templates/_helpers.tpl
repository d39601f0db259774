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
 "mlc-writer-qad": ["qad.invoice.post"]}
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

{{/* Kafka SASL env (only when enabled), shared by services and Jobs: dict root, secretName. */}}
{{- define "mlc.kafkaSaslEnv" -}}
{{- $kafka := .root.Values.kafka -}}
{{- if $kafka.sasl.enabled -}}
- name: KAFKA_SECURITY_PROTOCOL
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ $kafka.sasl.securityProtocolKey }}
- name: KAFKA_SASL_MECHANISM
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ $kafka.sasl.mechanismKey }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ $kafka.sasl.jaasConfigKey }}
{{- end }}
{{- end -}}

{{/*
Shell lines that turn the KAFKA_* env of a Job into a client properties file for the Kafka CLI;
the secret stays in the pod's environment and an emptyDir, never in the manifest.
*/}}
{{- define "mlc.kafkaCliPreamble" -}}
set -eu
BIN={{ .Values.kafkaCli.binDir | quote }}
CLIENT_CONFIG=""
if [ -n "${KAFKA_SECURITY_PROTOCOL:-}" ]; then
  CLIENT_CONFIG=/tmp/client.properties
  {
    echo "security.protocol=${KAFKA_SECURITY_PROTOCOL}"
    echo "sasl.mechanism=${KAFKA_SASL_MECHANISM}"
    echo "sasl.jaas.config=${KAFKA_SASL_JAAS_CONFIG}"
  } > "$CLIENT_CONFIG"
fi
kafka() {
  tool="$1"; shift
  if [ -n "$CLIENT_CONFIG" ]; then
    "$BIN/$tool" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$CLIENT_CONFIG" "$@"
  else
    "$BIN/$tool" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" "$@"
  fi
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

{{/* The Kafka SASL Secret: dict root, name, hook (render as a hook resource for the topic Job). */}}
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
  {{ $sasl.securityProtocolKey }}: {{ $sasl.securityProtocol | toString | b64enc | quote }}
  {{ $sasl.mechanismKey }}: {{ $sasl.mechanism | toString | b64enc | quote }}
  {{ $sasl.jaasConfigKey }}: {{ $sasl.jaasConfig | toString | b64enc | quote }}
{{- end -}}
