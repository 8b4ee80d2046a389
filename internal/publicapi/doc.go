// Package publicapi holds the test that keeps netreview's public API narrow:
// every exported name of a package outside internal/ and cmd/ must be used by
// another package, a command, or an Example, or be part of the signature of
// a name that is (see api_test.go). It has no code of its own.
package publicapi
