// Quiz files are turned into validated Quiz objects by src/build/quiz-plugin.ts.
declare module "*.yaml" {
  const quiz: import("../engine/schema").Quiz;
  export default quiz;
}
