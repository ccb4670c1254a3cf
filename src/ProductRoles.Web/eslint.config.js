// ESLint for the app's own scripts (wwwroot/js): browser ES modules. The test suite runs it
// (ScriptLintTests), so a lint error fails `dotnet test`.
import js from "@eslint/js";
import globals from "globals";

export default [
    { ignores: ["wwwroot/lib/**", "node_modules/**", "bin/**", "obj/**"] },
    js.configs.recommended,
    {
        files: ["wwwroot/js/**/*.js"],
        languageOptions: {
            ecmaVersion: 2022,
            sourceType: "module",
            globals: globals.browser,
        },
        linterOptions: { reportUnusedDisableDirectives: "error" },
        rules: {
            eqeqeq: "error",
            "no-var": "error",
            "prefer-const": "error",
            "no-implicit-globals": "error",
            "no-param-reassign": ["error", { props: false }],
            "no-shadow": "error",
            curly: "error",
            "object-shorthand": "error",
            "prefer-template": "error",
            "no-console": "error",
        },
    },
    {
        files: ["eslint.config.js"],
        languageOptions: { sourceType: "module", globals: globals.node },
    },
];
