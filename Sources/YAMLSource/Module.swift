// YAMLSource
