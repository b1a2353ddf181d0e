import { Field, ObjectType } from "type-graphql";

/** A label in both of Sigap's languages. */
@ObjectType({ description: "A label in both of Sigap's languages." })
export class Label {
  @Field(() => String, { description: "English." })
  en: string;

  @Field(() => String, { description: "Bahasa Indonesia." })
  id: string;
}
