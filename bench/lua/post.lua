-- A POST with a fixed form body; the Authorization header, when needed, comes from wrk's -H.
-- BENCH_BODY: the body (already form-urlencoded).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY") or ""
wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE") or "application/x-www-form-urlencoded"
