import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Type-aware rules: a promise nobody awaits loses its error; a promise where a callback is
    // expected (an async onClick that returns one) is a bug the types can see.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // Settings come from one checked schema (lib/env.ts). Scripts, configs and tests set up
    // processes and may read their environment directly.
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/env.ts", "**/*.test.ts", "**/*.test.tsx", "**/*.test-support.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read settings through env() (lib/env.ts).",
        },
      ],
    },
  },
  {
    // Client components see only what the browser may: view types live in lib/views, never in
    // the server's modules or the generated database client.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/server/**",
                "**/lib/server/**",
                "@/lib/generated/**",
                "**/lib/generated/**",
              ],
              message: "components/ may not import server modules: put view types in lib/views.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    // The domain layer is pure: no database, no framework, no clock (docs/architecture.md).
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "**/generated/**", "next", "next/*", "react", "node:*", "pg"],
              message: "lib/domain is pure: no I/O, no framework.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Take `now` as an argument.",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Take `now` as an argument.",
        },
      ],
    },
  },
];

export default config;
