// Loaded before every test file: nock must patch the HTTP stack before anything captures `fetch`.
import 'nock'
