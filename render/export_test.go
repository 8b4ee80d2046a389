package render

// ReviewForTest loads and analyses a test model as of a fixed date, for
// the tests of package render_test (the drawing tests, which need package
// internal/layout, which imports this package).
var ReviewForTest = review

// JobForTest is the job a Renderer hands its Drawer, for the layout tests
// of package render_test.
var JobForTest = (*Renderer).job

// ReviewGeneratedForTest analyses a generated statewide model of n
// agencies, for the layout tests of package render_test.
var ReviewGeneratedForTest = reviewGenerated
