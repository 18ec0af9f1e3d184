"""The interview engine: pure logic, testable without a terminal."""
