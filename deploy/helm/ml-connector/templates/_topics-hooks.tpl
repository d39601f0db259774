{{/*
Creates every topic before the services start (pre-install) and on each upgrade (pre-upgrade).
Idempotent: existing topics are left alone unless kafka.topics.allowPartitionIncrease lets the Job
grow them. Hooks run before the release's own Secrets exist, so with inline SASL credentials the
Job reads a hook-scoped copy of the Kafka Secret that Helm deletes once the hooks succeeded.
*/}}
{{- define "mlc.topicsHooks" -}}
{{- if .Values.kafka.topics.provisioning.enabled }}
{{- $fullname := include "mlc.fullname" . }}
{{- $kafkaSecret := include "mlc.kafkaSecretName" . }}
{{- if and .Values.kafka.sasl.enabled (not .Values.kafka.sasl.existingSecret) }}
{{- $kafkaSecret = printf "%s-kafka-topics" $fullname }}
{{ include "mlc.kafkaSecret" (dict "root" . "name" $kafkaSecret "hook" true) }}
---
{{- end }}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ $fullname }}-topics
  labels:
    {{- include "mlc.labels" . | nindent 4 }}
    app.kubernetes.io/component: topics
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "0"
    # Keep the last run (and its log) until the next install/upgrade replaces it.
    helm.sh/hook-delete-policy: before-hook-creation
spec:
  backoffLimit: {{ .Values.kafka.topics.provisioning.backoffLimit }}
  activeDeadlineSeconds: {{ .Values.kafka.topics.provisioning.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "mlc.labels" . | nindent 8 }}
        app.kubernetes.io/component: topics
    spec:
      {{- include "mlc.jobPodSpec" . | nindent 6 }}
      containers:
        - name: create-topics
          {{- include "mlc.jobContainerSettings" . | nindent 10 }}
          env:
            - name: KAFKA_BOOTSTRAP_SERVERS
              value: {{ .Values.kafka.bootstrapServers | quote }}
            - name: LOG_DIR
              value: /tmp/kafka-logs
            - name: ALLOW_PARTITION_INCREASE
              value: {{ .Values.kafka.topics.allowPartitionIncrease | toString | quote }}
            {{- include "mlc.kafkaLoginEnv" (dict "root" . "secretName" $kafkaSecret "user" "admin") | nindent 12 }}
          command: ["/bin/sh", "-c"]
          args:
            - |
              {{- include "mlc.kafkaCliPreamble" . | nindent 14 }}
              # ensure_topic NAME PARTITIONS REPLICATION_FACTOR [--config k=v ...]
              ensure_topic() {
                topic="$1"; partitions="$2"; replication="$3"; shift 3
                kafka kafka-topics.sh --create --if-not-exists --topic "$topic" \
                  --partitions "$partitions" --replication-factor "$replication" "$@"
                current=$(kafka kafka-topics.sh --describe --topic "$topic" \
                  | sed -n 's/.*PartitionCount: *\([0-9][0-9]*\).*/\1/p' | head -n 1)
                if [ -z "$current" ]; then
                  echo "topic $topic: could not read its partition count" >&2
                  return 1
                elif [ "$current" -lt "$partitions" ]; then
                  if [ "$ALLOW_PARTITION_INCREASE" = "true" ]; then
                    kafka kafka-topics.sh --alter --topic "$topic" --partitions "$partitions"
                    echo "topic $topic: grown from $current to $partitions partitions"
                  else
                    echo "topic $topic: has $current partitions, values ask for $partitions (set kafka.topics.allowPartitionIncrease to grow it)"
                  fi
                elif [ "$current" -gt "$partitions" ]; then
                  echo "topic $topic: has $current partitions, more than the $partitions in values (Kafka cannot shrink a topic)"
                else
                  echo "topic $topic: $current partitions"
                fi
              }
              {{- range $topic := splitList "," (include "mlc.topicNames" .) }}
              {{- $override := index $.Values.kafka.topics.overrides $topic | default dict }}
              ensure_topic {{ $topic }} {{ include "mlc.topicPartitions" (dict "root" $ "topic" $topic) }} {{ include "mlc.topicReplicationFactor" (dict "root" $ "topic" $topic) }}
              {{- range $key, $value := $override.config | default dict }} --config {{ printf "%s=%v" $key (ternary (int64 $value) $value (kindIs "float64" $value)) | squote }}{{ end }}
              {{- end }}
              {{- if and .Values.kafka.sasl.enabled .Values.kafka.sasl.acls.create }}
              # Each service's user may write and read only its own topics, in its own groups.
              {{- range $service, $acl := include "mlc.kafkaAcls" . | fromJson }}
              {{- $principal := printf "User:%s" (index $.Values.kafka.sasl.users $service) }}
              {{- range $topic := $acl.writes }}
              kafka kafka-acls.sh --add --allow-principal {{ $principal | squote }} --operation Write --operation Describe --topic {{ $topic }}
              {{- end }}
              {{- range $topic := $acl.reads }}
              kafka kafka-acls.sh --add --allow-principal {{ $principal | squote }} --operation Read --operation Describe --topic {{ $topic }}
              {{- end }}
              {{- if $acl.group }}
              kafka kafka-acls.sh --add --allow-principal {{ $principal | squote }} --operation Read --group {{ $acl.group }} --resource-pattern-type prefixed
              {{- end }}
              {{- if $acl.observedGroups }}
              kafka kafka-acls.sh --add --allow-principal {{ $principal | squote }} --operation Describe --group {{ $acl.observedGroups }} --resource-pattern-type prefixed
              {{- end }}
              {{- end }}
              {{- end }}
{{- end }}
{{- end -}}
