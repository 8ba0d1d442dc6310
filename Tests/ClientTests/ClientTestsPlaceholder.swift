// The Client tests live beside this file.
