-- Five weeks of canonical rows (2026-10-19 to 2026-11-23, UTC), deterministic: every "random" value is a
-- hash of the row number. Week 47 (16-22 Nov) is the report week, week 46 its comparison, the weeks before
-- the anomaly baseline. Twelve keys on a DAY quota plan make a quota table longer than a page.
CREATE TEMP TABLE keys AS
SELECT * FROM (VALUES
  (0, 'k-gold-1', 'acme-prod', 'acme', 'pl-gold', 'Gold', 200000, 'MONTH', 0),
  (1, 'k-gold-2', 'globex', 'globex', 'pl-gold', 'Gold', 200000, 'MONTH', 0),
  (2, 'k-silver-1', 'initech', 'initech', 'pl-silver', 'Silver', 6000, 'WEEK', 1),
  (3, 'k-silver-2', 'umbrella', 'umbrella', 'pl-silver', 'Silver', 6000, 'WEEK', 1),
  (4, 'k-bronze-01', 'hooli-a', 'hooli', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (5, 'k-bronze-02', 'hooli-b', 'hooli', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (6, 'k-bronze-03', 'stark', 'stark', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (7, 'k-bronze-04', 'wayne', 'wayne', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (8, 'k-bronze-05', 'soylent', 'soylent', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (9, 'k-bronze-06', 'tyrell', 'tyrell', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (10, 'k-bronze-07', 'cyberdyne', 'cyberdyne', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (11, 'k-bronze-08', 'oscorp', 'oscorp', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (12, 'k-bronze-09', 'aperture', 'aperture', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (13, 'k-bronze-10', 'massive', 'massive', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (14, 'k-bronze-11', 'vandelay', 'vandelay', 'pl-bronze', 'Bronze', 60, 'DAY', 0),
  (15, 'k-bronze-12', 'wonka', 'wonka', 'pl-bronze', 'Bronze', 60, 'DAY', 0)
) AS t(k, api_key_id, api_key_name, customer_id, usage_plan_id, usage_plan_name, quota_limit, quota_period, quota_offset);

CREATE TEMP TABLE routes AS
SELECT * FROM (VALUES
  (0, 'GET', '/orders', 40), (1, 'POST', '/orders', 95), (2, 'GET', '/orders/{id}', 30), (3, 'GET', '/customers/{id}', 35),
  (4, 'PUT', '/customers/{id}', 80), (5, 'GET', '/products', 25), (6, 'GET', '/products/{id}', 20), (7, 'POST', '/payments', 180),
  (8, 'GET', '/payments/{id}', 45), (9, 'GET', '/health', 5), (10, 'POST', '/webhooks/stripe', 120), (11, 'DELETE', '/orders/{id}', 60)
) AS t(r, http_method, resource_path, base_ms);

CREATE TEMP TABLE raw AS
SELECT i,
       TIMESTAMP '2026-10-19 00:00:00' + to_microseconds(CAST(hash(i, 'j') % (35 * 86400000000) AS BIGINT)) AS t,
       (hash(i, 'a') % 10000) / 10000.0 AS u1, (hash(i, 'b') % 10000) / 10000.0 AS u2, (hash(i, 'c') % 10000) / 10000.0 AS u3,
       (hash(i, 'd') % 10000) / 10000.0 AS u4, (hash(i, 'e') % 10000) / 10000.0 AS u5, hash(i, 'f') % 16 AS key_pick,
       hash(i, 'g') % 12 AS route_pick, hash(i, 'h') % 400 AS ip_pick
FROM range(0, 42000) r(i)
UNION ALL
-- The anomaly: a burst of 700 requests from one client in one hour of the report week.
SELECT 100000 + i, TIMESTAMP '2026-11-18 14:00:00' + to_microseconds(i * 5000000), 0.5, 0.9, 0.5, 0.5, 0.5, 0, 5, 7
FROM range(0, 700) r(i);

CREATE TEMP TABLE shaped AS
SELECT raw.*, k.*, ro.*,
       CASE WHEN u2 < 0.004 THEN (CASE WHEN u3 < 0.5 THEN 500 WHEN u3 < 0.8 THEN 504 ELSE 502 END)
            WHEN u2 < 0.064 THEN (CASE WHEN u3 < 0.3 THEN 401 WHEN u3 < 0.5 THEN 403 WHEN u3 < 0.8 THEN 404 ELSE 429 END)
            WHEN route_pick = 1 AND u3 < 0.05 THEN 201 ELSE 200 END AS status
FROM raw JOIN keys k ON k.k = raw.key_pick JOIN routes ro ON ro.r = raw.route_pick;

INSERT INTO access_logs (request_id, request_time, request_time_epoch_ms, api_id, api_type, stage, domain_name, http_method,
    path, resource_path, protocol, status, status_class, response_length, response_latency_ms, integration_latency_ms,
    source_ip, user_agent, ua_family, ua_os, ua_device, auth_method, api_key_id, api_key_name, customer_id, usage_plan_id,
    usage_plan_name, quota_limit, quota_period, quota_offset, enrichment_status, error_message, error_response_type,
    error_category, error_signature, authorizer_latency_ms, year, month, day)
SELECT 'req-' || i, t, epoch_ms(t), 'a1b2c3d4e5', 'REST', CASE WHEN u4 < 0.8 THEN 'prod' ELSE 'staging' END, 'api.example.com',
       http_method, replace(resource_path, '{id}', CAST(hash(i) % 9000 + 1000 AS VARCHAR)), resource_path, 'HTTP/1.1',
       status, CAST(status // 100 AS VARCHAR) || 'xx', CAST(200 + hash(i, 'len') % 4000 AS BIGINT),
       CAST(base_ms * (0.4 + u1 * 1.2) + CASE WHEN u5 > 0.97 THEN 900 * u1 ELSE 0 END + CASE WHEN status = 504 THEN 29000 ELSE 0 END AS BIGINT),
       CAST(base_ms * (0.4 + u1 * 1.2) * 0.85 + CASE WHEN status = 504 THEN 29000 ELSE 0 END AS BIGINT),
       '198.51.' || CAST(ip_pick // 200 AS VARCHAR) || '.' || CAST(ip_pick % 200 + 1 AS VARCHAR),
       'agent', CASE WHEN u4 < 0.45 THEN 'okhttp' WHEN u4 < 0.75 THEN 'Python Requests' WHEN u4 < 0.9 THEN 'Chrome' ELSE 'curl' END,
       CASE WHEN u4 < 0.45 THEN 'Android' WHEN u4 < 0.9 THEN 'Linux' ELSE 'Mac OS X' END,
       CASE WHEN u4 < 0.45 THEN 'Smartphone' ELSE 'Other' END,
       'API_KEY', api_key_id, api_key_name, customer_id, usage_plan_id, usage_plan_name, quota_limit, quota_period, quota_offset, 'OK',
       CASE status WHEN 500 THEN 'Internal server error' WHEN 502 THEN 'Bad gateway' WHEN 504 THEN 'Endpoint request timed out'
            WHEN 401 THEN 'Unauthorized' WHEN 403 THEN 'Missing Authentication Token' WHEN 404 THEN 'Not found'
            WHEN 429 THEN (CASE WHEN quota_period = 'DAY' THEN 'Limit Exceeded' ELSE 'Too Many Requests' END) END,
       CASE status WHEN 500 THEN 'INTEGRATION_FAILURE' WHEN 502 THEN 'INTEGRATION_FAILURE' WHEN 504 THEN 'INTEGRATION_TIMEOUT'
            WHEN 401 THEN 'UNAUTHORIZED' WHEN 403 THEN 'MISSING_AUTHENTICATION_TOKEN' WHEN 404 THEN 'RESOURCE_NOT_FOUND'
            WHEN 429 THEN (CASE WHEN quota_period = 'DAY' THEN 'QUOTA_EXCEEDED' ELSE 'THROTTLED' END) END,
       CASE status WHEN 500 THEN 'SERVER' WHEN 502 THEN 'INTEGRATION' WHEN 504 THEN 'INTEGRATION' WHEN 401 THEN 'AUTH'
            WHEN 403 THEN 'AUTH' WHEN 404 THEN 'NOT_FOUND' WHEN 429 THEN (CASE WHEN quota_period = 'DAY' THEN 'QUOTA' ELSE 'THROTTLE' END) END,
       CASE status WHEN 500 THEN 'Internal server error' WHEN 502 THEN 'Bad gateway' WHEN 504 THEN 'Endpoint request timed out'
            WHEN 401 THEN 'Unauthorized' WHEN 403 THEN 'Missing Authentication Token' WHEN 404 THEN 'Not found'
            WHEN 429 THEN (CASE WHEN quota_period = 'DAY' THEN 'Limit Exceeded' ELSE 'Too Many Requests' END) END,
       NULL,
       strftime(t, '%Y'), strftime(t, '%m'), strftime(t, '%d')
FROM shaped;
