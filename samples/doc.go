// Package samples holds realistic proposals that exercise every rule, and the
// tests that pin down what netreview finds in each. See README.md.
package samples
