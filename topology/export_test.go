package topology

// RuleIDsForTest is ruleIDs, for TestRuleIDsMatch, which needs analysis.
var RuleIDsForTest = ruleIDs
