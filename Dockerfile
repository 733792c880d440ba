# elecsec's container: a static binary on distroless, running as a non-root user.
#
#   docker build -t elecsec .
#   docker run -p 3000:3000 -e SLACK_BOT_TOKEN=xoxb-… -e SLACK_SIGNING_SECRET=… elecsec
#
# cmd/elecsec/docker_test.go checks that .ci/run builds with the same command as the build
# stage below, and that the result is static, so the image works without a Docker engine
# in CI to prove it.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /elecsec ./cmd/elecsec
# The SQLite default needs a directory the non-root user can write; a volume mounted on
# /data starts with this ownership.
RUN mkdir -p /out/data

# distroless/static carries CA certificates (for slack.com), tzdata (for digest time
# zones) and a nonroot user (65532), and no shell.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /elecsec /elecsec
COPY --from=build --chown=65532:65532 /out/data /data
USER nonroot:nonroot
ENV ELECSEC_ADDR=:3000 \
    ELECSEC_DATABASE_URL=sqlite:/data/elecsec.db
EXPOSE 3000
VOLUME ["/data"]
# Liveness: GET /healthz on ELECSEC_ADDR. Orchestrators should use /readyz for readiness.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/elecsec", "healthcheck"]
ENTRYPOINT ["/elecsec"]
CMD ["serve"]
