-- wrk script: each connection walks the request mix (one path a line in the
-- file named after `--`), then the totals are checked: any error fails the run.

local paths = {}
local next_index = 1

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  -- Threads start at different places in the mix.
  next_index = math.random(#paths)
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  io.write("\n== Load test result\n")
  io.write(string.format("requests: %d in %.1f s, %.0f requests/s\n",
    summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: %d HTTP 4xx/5xx, %d socket (connect %d, read %d, write %d, timeout %d)\n",
    errors.status, socket_errors, errors.connect, errors.read, errors.write, errors.timeout))
  if errors.status + socket_errors > 0 then
    io.write("FAILED: the load test saw errors\n")
    os.exit(1)
  end
end
