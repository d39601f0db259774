{{/*
One flow between two components of the release on the services' port 8080, as the pair of
policies a default deny needs: <name> lets the callers into the callee, <name>-egress lets the
callers out to it. dict root, name, from (calling component), to (called component).
*/}}
{{- define "mlc.podFlowPolicies" -}}
{{- $release := printf "app.kubernetes.io/name: %s\napp.kubernetes.io/instance: %s" (include "mlc.name" .root) .root.Release.Name -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .name }}
  labels:
    {{- include "mlc.labels" .root | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- $release | nindent 6 }}
      app.kubernetes.io/component: {{ .to }}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              {{- $release | nindent 14 }}
              app.kubernetes.io/component: {{ .from }}
      ports:
        - {protocol: TCP, port: 8080}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .name }}-egress
  labels:
    {{- include "mlc.labels" .root | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- $release | nindent 6 }}
      app.kubernetes.io/component: {{ .from }}
  policyTypes: [Egress]
  egress:
    - to:
        - podSelector:
            matchLabels:
              {{- $release | nindent 14 }}
              app.kubernetes.io/component: {{ .to }}
      ports:
        - {protocol: TCP, port: 8080}
{{- end -}}
